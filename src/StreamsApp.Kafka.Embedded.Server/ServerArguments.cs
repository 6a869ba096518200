using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded.Server;

/// <summary>The parsed command line of <c>streamsapp-kafka</c>.</summary>
internal sealed class ServerArguments
{
    /// <summary>The text <c>--help</c> prints.</summary>
    internal const string Usage = """
        Usage: streamsapp-kafka [--brokers N] [--topic NAME:PARTITIONS]... [--http-port N] [--help]

        Runs an in-memory Kafka cluster (librdkafka's mock cluster) for development and tests, and
        on http://127.0.0.1:PORT a Schema Registry (Confluent's REST API, in memory) at / and a
        topic-administration API at /admin (the mock cluster has no Kafka admin API):
          GET  /admin/topics/NAME    {"name","partitions"}, or 404 if the topic does not exist
          POST /admin/topics         {"name","partitions","configs"}: 201 created, 200 if it exists
          GET  /admin/cluster        {"clusterId"}: new with every start of the cluster
        Prints three lines to stdout, then runs until Ctrl-C, SIGTERM or the end of stdin (so do
        not start it with stdin at /dev/null):
          bootstrap.servers=HOST:PORT,...
          schema.registry.url=http://127.0.0.1:PORT
          topic.admin.url=http://127.0.0.1:PORT/admin

          --brokers N                number of brokers (default 1)
          --topic NAME:PARTITIONS    a topic to create at start (repeatable)
          --http-port N              port of the HTTP endpoint (default 8081; 0 = any free port)
          --help                     show this text

        A development cluster: no Kafka admin API (topic configs sent to /admin are ignored), no
        compaction or retention, offsets sent in a transaction are not stored, read_committed
        does not filter, and all data (topics, records, schemas) is lost on exit.
        """;

    /// <summary>The HTTP port unless told otherwise: Confluent Schema Registry's.</summary>
    internal const int DefaultHttpPort = 8081;

    private ServerArguments(bool showHelp, EmbeddedKafkaClusterOptions options, int httpPort)
    {
        ShowHelp = showHelp;
        Options = options;
        HttpPort = httpPort;
    }

    /// <summary>True if <c>--help</c> was given.</summary>
    internal bool ShowHelp { get; }

    /// <summary>The cluster to start.</summary>
    internal EmbeddedKafkaClusterOptions Options { get; }

    /// <summary>The port of the HTTP endpoint on 127.0.0.1; 0 means any free port.</summary>
    internal int HttpPort { get; }

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> names the bad argument.</summary>
    internal static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out ServerArguments? result,
        [NotNullWhen(false)] out string? error)
    {
        result = null;
        var showHelp = false;
        var options = new EmbeddedKafkaClusterOptions();
        var httpPort = DefaultHttpPort;
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument == "--help")
            {
                showHelp = true;
                continue;
            }

            if (argument is not ("--brokers" or "--topic" or "--http-port"))
            {
                error = $"unknown argument '{argument}'";
                return false;
            }

            if (i + 1 == args.Count)
            {
                error = $"{argument} needs a value";
                return false;
            }

            var value = args[++i];
            error = argument switch
            {
                "--brokers" => SetBrokers(options, value),
                "--topic" => AddTopic(options, value),
                _ => ParseHttpPort(value, out httpPort),
            };
            if (error is not null)
            {
                return false;
            }
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            // Broker counts are checked above, so what is left is about the topics.
            error = $"--topic: {e.Message}";
            return false;
        }

        error = null;
        result = new ServerArguments(showHelp, options, httpPort);
        return true;
    }

    private static string? SetBrokers(EmbeddedKafkaClusterOptions options, string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var brokers) || brokers < 1)
        {
            return $"--brokers needs a whole number of at least 1 (was '{value}')";
        }

        options.BrokerCount = brokers;
        return null;
    }

    private static string? ParseHttpPort(string value, out int port) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= ushort.MaxValue
            ? null
            : $"--http-port needs a port number from 0 to {ushort.MaxValue} (was '{value}')";

    private static string? AddTopic(EmbeddedKafkaClusterOptions options, string value)
    {
        var separator = value.LastIndexOf(':');
        if (separator < 0
            || !int.TryParse(value.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var partitions)
            || partitions < 1)
        {
            return $"--topic needs NAME:PARTITIONS with at least 1 partition (was '{value}')";
        }

        options.Topics.Add(new TopicDefinition(value[..separator], partitions));
        return null;
    }
}
