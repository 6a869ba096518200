using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace StreamsApp.Worker.Configuration;

/// <summary>Where the worker's configuration comes from, lowest precedence first: appsettings.json, environment, flags.</summary>
public static class WorkerConfiguration
{
    /// <summary>Prefix of the environment variables the worker reads (<c>STREAMSAPP_Streams__ApplicationId</c>).</summary>
    public const string EnvironmentPrefix = "STREAMSAPP_";

    /// <summary>Short command-line flags and the keys they set (the long form <c>--Streams:ApplicationId=x</c> always works).</summary>
    public static IReadOnlyDictionary<string, string> FlagAliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--application-id"] = "Streams:ApplicationId",
        ["--bootstrap-servers"] = "Streams:BootstrapServers",
        ["--guarantee"] = "Streams:ProcessingGuarantee",
        ["--threads"] = "Streams:NumStreamThreads",
        ["--state-dir"] = "Streams:StateDir",
        ["--commit-interval"] = "Streams:CommitInterval",
        ["--schema-registry-url"] = "SchemaRegistry:Url",
        ["--topologies"] = "Mission:Parts",
        ["--saga-timeout"] = "Mission:SagaTimeout",
        ["--compensation-timeout"] = "Mission:CompensationTimeout",
        ["--kafka-mode"] = "Kafka:Mode",
        ["--partitions"] = "Kafka:TopicPartitions",
        ["--topic-admin-url"] = "Kafka:TopicAdminUrl",
        ["--create-topics"] = "Kafka:CreateTopics",
        ["--http-url"] = "Http:Url",
        ["--application-server"] = "Http:ApplicationServer",
        ["--api-key"] = "Http:ApiKey",
        ["--api-key-file"] = "Http:ApiKeyFile",
        ["--peer-secret-file"] = "Http:PeerSecretFile",
        ["--demo"] = "Demo:Enabled",
        ["--demo-rate"] = "Demo:OrdersPerSecond",
        ["--otlp-endpoint"] = "Telemetry:OtlpEndpoint",
        ["--verbose"] = "Console:Verbose",
    };

    /// <summary>
    /// Replaces the sources of <paramref name="configuration"/> with the worker's, reads secrets kept in files
    /// (<see cref="SecretFiles"/>), and with <c>Console:Verbose</c> adds <see cref="VerboseLogging"/>'s levels just
    /// above appsettings.json. A true-or-false flag given alone (<c>--verbose</c>) means true.
    /// </summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="settingsFile">Path of appsettings.json.</param>
    /// <param name="args">The command line.</param>
    public static void Apply(IConfigurationBuilder configuration, string settingsFile, string[] args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Clear();
        configuration.AddJsonFile(settingsFile, optional: false, reloadOnChange: false);
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configuration.AddCommandLine(CommandLineArguments.WithSwitchValues(args), FlagAliases.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));
        var given = configuration.Build();
        if (SecretFiles.Read(given) is { Count: > 0 } secrets)
        {
            configuration.AddInMemoryCollection(secrets);
        }

        if (bool.TryParse(given["Console:Verbose"], out var verbose) && verbose)
        {
            // Below the environment and the flags, so a level set there still wins.
            configuration.Sources.Insert(1, new MemoryConfigurationSource { InitialData = VerboseLogging.Levels(given) });
        }
    }

    /// <summary>
    /// The settings nothing would read and the values their settings cannot take, each naming its key and what it may
    /// be (<see cref="UnknownSettings"/>, <see cref="SettingValues"/>); checked before the configuration is bound.
    /// </summary>
    /// <param name="configuration">The configuration <see cref="Apply"/> set up.</param>
    public static IReadOnlyList<string> Problems(IConfigurationRoot configuration) =>
        [.. UnknownSettings.Find(configuration), .. SettingValues.Problems(configuration)];
}
