using System.Text.Json.Serialization;

namespace StreamsApp.Kafka.Embedded.Internal;

// The JSON bodies of streamsapp-kafka's topic-administration API, shared by the server and EmbeddedClusterAdminClient
// so both ends agree on the wire.

/// <summary>
/// <c>{"name": "orders", "partitions": 6, "configs": {...}}</c>: a topic to create (<c>POST /admin/topics</c>), and
/// without configs the answer about one topic (<c>GET /admin/topics/{name}</c> and the creation's answer).
/// </summary>
internal sealed record TopicMessage(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("partitions")] int Partitions,
    [property: JsonPropertyName("configs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, string>? Configs = null);

/// <summary><c>{"clusterId": "embedded-..."}</c>: the cluster's id (<c>GET /admin/cluster</c>).</summary>
internal sealed record ClusterMessage([property: JsonPropertyName("clusterId")] string? ClusterId);

/// <summary>The part of an error answer (RFC 7807 problem details) the client reports: why the request was refused.</summary>
internal sealed record ProblemMessage([property: JsonPropertyName("detail")] string? Detail);
