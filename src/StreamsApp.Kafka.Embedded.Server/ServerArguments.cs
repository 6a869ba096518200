using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Kafka.Embedded.Server;

/// <summary>The parsed command line of <c>streamsapp-kafka</c>.</summary>
internal sealed class ServerArguments
{
    /// <summary>The text <c>--help</c> prints.</summary>
    internal const string Usage = """
        Usage: streamsapp-kafka [--brokers N] [--topic NAME:PARTITIONS]... [--help]

        Runs an in-memory Kafka cluster (librdkafka's mock cluster) for development and tests.
        Prints one line, bootstrap.servers=HOST:PORT,..., to stdout, then runs until Ctrl-C,
        SIGTERM or the end of stdin (so do not start it with stdin at /dev/null).

          --brokers N                number of brokers (default 1)
          --topic NAME:PARTITIONS    a topic to create at start (repeatable)
          --help                     show this text

        A development cluster: no admin API, no compaction or retention, offsets sent in a
        transaction are not stored, read_committed does not filter, and all data is lost on exit.
        """;

    private ServerArguments(bool showHelp, EmbeddedKafkaClusterOptions options)
    {
        ShowHelp = showHelp;
        Options = options;
    }

    /// <summary>True if <c>--help</c> was given.</summary>
    internal bool ShowHelp { get; }

    /// <summary>The cluster to start.</summary>
    internal EmbeddedKafkaClusterOptions Options { get; }

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> names the bad argument.</summary>
    internal static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out ServerArguments? result,
        [NotNullWhen(false)] out string? error)
    {
        result = null;
        var showHelp = false;
        var options = new EmbeddedKafkaClusterOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument == "--help")
            {
                showHelp = true;
                continue;
            }

            if (argument is not ("--brokers" or "--topic"))
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
            error = argument == "--brokers" ? SetBrokers(options, value) : AddTopic(options, value);
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
        result = new ServerArguments(showHelp, options);
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
