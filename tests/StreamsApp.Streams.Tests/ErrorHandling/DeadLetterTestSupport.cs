using System.Text;
using StreamsApp.Streams.Errors;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.ErrorHandling;

/// <summary>Helpers for the dead-letter tests: configs, reading DLT records as bytes, headers as strings, metrics.</summary>
internal static class DeadLetterTestSupport
{
    public const string AppId = "dlt-app";

    public static StreamsConfig Config(
        IDeserializationExceptionHandler? deserialization = null,
        IProcessingExceptionHandler? processing = null,
        IProductionExceptionHandler? production = null) =>
        new()
        {
            ApplicationId = AppId,
            DeserializationExceptionHandler = deserialization ?? ExceptionHandlers.LogAndFail,
            ProcessingExceptionHandler = processing ?? ExceptionHandlers.LogAndFail,
            ProductionExceptionHandler = production ?? ExceptionHandlers.LogAndFail,
        };

    /// <summary>The dead-letter topic of <paramref name="sourceTopic"/>, read as raw bytes.</summary>
    public static TestOutputTopic<byte[], byte[]> DeadLetters(this TopologyTestDriver driver, string sourceTopic) =>
        driver.CreateOutputTopic(sourceTopic + ".DLT", Serdes.ByteArray(), Serdes.ByteArray());

    /// <summary>The last value of a header, decoded as UTF-8; null when the record lacks it.</summary>
    public static string? Header<TKey, TValue>(this TestRecord<TKey, TValue> record, string name) =>
        record.Headers is { } headers && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>How many headers of that name the record carries.</summary>
    public static int HeaderCount<TKey, TValue>(this TestRecord<TKey, TValue> record, string name) =>
        record.Headers?.Count(h => h.Key == name) ?? 0;

    public static long DeadLettered(this TopologyTestDriver driver, string taskId = "0_0") =>
        driver.Metrics.Find("dead-letter-records-total", "task-id", taskId).Single().Count;

    public static long Dropped(this TopologyTestDriver driver, string taskId = "0_0") =>
        driver.Metrics.Find("dropped-records-total", "task-id", taskId).Single().Count;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
