using Avro;

namespace StreamsApp.Streams.Avro.Internal;

/// <summary>The primitive promotions of Avro's schema resolution: what a reader may read of another writer type.</summary>
internal static class Promotions
{
    /// <summary>int → long, float, double; long → float, double; float → double; string ↔ bytes.</summary>
    public static bool CanPromote(Schema.Type writer, Schema.Type reader) => (writer, reader) switch
    {
        (Schema.Type.Int, Schema.Type.Long or Schema.Type.Float or Schema.Type.Double) => true,
        (Schema.Type.Long, Schema.Type.Float or Schema.Type.Double) => true,
        (Schema.Type.Float, Schema.Type.Double) => true,
        (Schema.Type.String, Schema.Type.Bytes) or (Schema.Type.Bytes, Schema.Type.String) => true,
        _ => false,
    };
}
