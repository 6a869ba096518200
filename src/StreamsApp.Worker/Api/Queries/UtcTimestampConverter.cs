using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>
/// Writes a timestamp as ISO-8601 UTC with milliseconds (<c>2026-11-23T08:15:00.000Z</c>), the precision of Avro's
/// timestamp-millis. The fixed width makes the text sort as the time does.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The format written.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
