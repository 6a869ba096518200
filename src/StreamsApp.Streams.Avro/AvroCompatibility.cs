using Avro;
using StreamsApp.Streams.Avro.Internal;
using Compatibility = Confluent.SchemaRegistry.Compatibility;

namespace StreamsApp.Streams.Avro;

/// <summary>
/// Avro schema compatibility: Avro's schema resolution rules (reader against writer), and Confluent's compatibility
/// levels built on them.
/// </summary>
public static class AvroCompatibility
{
    /// <summary>
    /// Lists why data written with <paramref name="writer"/> cannot be read with <paramref name="reader"/>: records
    /// match fields by name or reader alias and need defaults for fields the writer lacks; enums need the writer's
    /// symbols or a reader default; ints, longs and floats promote to wider numbers, strings and bytes to each
    /// other; arrays, maps and unions resolve by their items, values and branches; named types match by full name
    /// (Apache.Avro keeps their aliases internal), fixed types also by size. Logical types resolve as their underlying
    /// types.
    /// </summary>
    /// <param name="reader">The schema the data is read with.</param>
    /// <param name="writer">The schema the data was written with.</param>
    /// <returns>The incompatibilities, each with its path in the reader schema; empty when the reader can read.</returns>
    public static IReadOnlyList<SchemaIncompatibility> CheckCanRead(Schema reader, Schema writer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        return SchemaResolutionChecker.Check(reader, writer);
    }

    /// <summary>
    /// Lists why <paramref name="candidate"/> cannot become the next version of a subject at <paramref name="level"/>.
    /// BACKWARD: the candidate reads the latest version's data; FORWARD: the latest version reads the candidate's;
    /// FULL: both; the transitive levels check every earlier version instead of the latest only.
    /// </summary>
    /// <param name="level">The subject's compatibility level.</param>
    /// <param name="candidate">The new schema.</param>
    /// <param name="previous">The subject's versions, oldest first (the last one is the latest).</param>
    /// <returns>The incompatibilities, each message naming the version index it fails against.</returns>
    public static IReadOnlyList<SchemaIncompatibility> Check(
        Compatibility level, Schema candidate, IReadOnlyList<Schema> previous)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(previous);
        if (level == Compatibility.None || previous.Count == 0)
        {
            return [];
        }

        bool transitive = level is Compatibility.BackwardTransitive or Compatibility.ForwardTransitive
            or Compatibility.FullTransitive;
        bool backward = level is not (Compatibility.Forward or Compatibility.ForwardTransitive);
        bool forward = level is not (Compatibility.Backward or Compatibility.BackwardTransitive);

        var incompatibilities = new List<SchemaIncompatibility>();
        for (int i = transitive ? 0 : previous.Count - 1; i < previous.Count; i++)
        {
            var context = " (against version " + (i + 1).ToInvariantString() + ")";
            if (backward)
            {
                Append(incompatibilities, CheckCanRead(candidate, previous[i]), "new schema cannot read old data: ", context);
            }

            if (forward)
            {
                Append(incompatibilities, CheckCanRead(previous[i], candidate), "old schema cannot read new data: ", context);
            }
        }

        return incompatibilities;
    }

    private static void Append(
        List<SchemaIncompatibility> target, IReadOnlyList<SchemaIncompatibility> found, string prefix, string suffix)
    {
        foreach (var incompatibility in found)
        {
            target.Add(incompatibility with { Message = prefix + incompatibility.Message + suffix });
        }
    }
}
