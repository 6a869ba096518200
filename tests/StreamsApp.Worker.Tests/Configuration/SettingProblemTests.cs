using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamsApp.Streams;
using StreamsApp.Worker.Configuration;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Configuration;

/// <summary>
/// A setting the worker would misread ends the start with a message that teaches: a value of the wrong form names
/// its key and what it may be (an enum's values), an unknown flag or key (command line, appsettings.json, a
/// STREAMSAPP_ variable) the closest known one; keys of other sections are left to their owners.
/// </summary>
public sealed class SettingProblemTests
{
    [Theory]
    [InlineData("--Streams:CommitInterval=soon", "Streams:CommitInterval: 'soon' is not a time span, [d.]hh:mm:ss[.fff], e.g. 00:00:30")]
    [InlineData("--threads=two", "Streams:NumStreamThreads: 'two' is not a whole number up to 2147483647")]
    [InlineData("--partitions=99999999999", "Kafka:TopicPartitions: '99999999999' is not a whole number up to 2147483647")]
    [InlineData("--verbose=maybe", "Console:Verbose: 'maybe' is not true or false")]
    [InlineData("--guarantee=Bogus", "Streams:ProcessingGuarantee: 'Bogus' is not one of AtLeastOnce, ExactlyOnceV2")]
    [InlineData("--guarantee=ExactlyOnce", "Streams:ProcessingGuarantee: 'ExactlyOnce' is not one of AtLeastOnce, ExactlyOnceV2; did you mean ExactlyOnceV2?")]
    [InlineData("--kafka-mode=1", "Kafka:Mode: '1' is not one of Embedded, Cluster")]
    [InlineData("--topologies=Intake,Sagas", "Mission:Parts: 'Sagas' is not one of None, Intake, Enrichment, Saga, Participants, Projections, All (several may be given, comma-separated); did you mean Saga?")]
    public void AValueOfTheWrongFormNamesItsKeyAndWhatItMayBe(string flag, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0", flag]));

        Assert.Equal(message, Assert.Single(error.Failures));
    }

    [Fact]
    public void EveryEnumSettingListsItsValues()
    {
        var enums = EnumSettings(SettingNode.Root, null).ToList();

        Assert.Contains(enums, e => e.Key == "Telemetry:OtlpProtocol");
        foreach (var (key, type) in enums)
        {
            var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0", $"--{key}=Bogus"]));
            var failure = Assert.Single(error.Failures);
            Assert.StartsWith($"{key}: 'Bogus' is not one of ", failure, StringComparison.Ordinal);
            Assert.All(Enum.GetNames(type), name => Assert.Contains(name, failure, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("--gurantee=ExactlyOnceV2", "Unknown flag --gurantee: did you mean --guarantee?")]
    [InlineData("--Strams:ApplicationId=app", "Unknown flag --Strams:ApplicationId: did you mean --Streams:ApplicationId?")]
    [InlineData("--Streams:ProcesingGuarantee=AtLeastOnce", "Unknown setting --Streams:ProcesingGuarantee: did you mean --Streams:ProcessingGuarantee?")]
    [InlineData("--Streams:RocksDb:TotalMemoryByte=1", "Unknown setting --Streams:RocksDb:TotalMemoryByte: did you mean --Streams:RocksDb:TotalMemoryBytes?")]
    [InlineData("--Http:Url:Port=1", "Unknown setting --Http:Url:Port: Http:Url is a single value")]
    [InlineData("--Demo:Rate=1", "Unknown setting --Demo:Rate: Demo has Enabled, OrdersPerSecond")]
    public void AnUnknownFlagOrKeyStopsTheStartNamingTheClosestKnownOne(string flag, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0", flag]));

        Assert.Equal(message, Assert.Single(error.Failures));
    }

    [Fact]
    public void AnUnknownFlagWithNothingCloseListsTheFlags()
    {
        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0", "--unknown-flag=1"]));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Unknown flag --unknown-flag: the flags are --application-id, ", failure, StringComparison.Ordinal);
        Assert.All(WorkerConfiguration.FlagAliases.Keys, flag => Assert.Contains(flag, failure, StringComparison.Ordinal));
    }

    [Fact]
    public void PassThroughPropertiesLoggingAndTheHostsKeysAreNotTheWorkersToCheck()
    {
        using var app = WorkerApp.Build(
        [
            "--http-url=http://127.0.0.1:0", "--environment=Development", "--Kafka:Properties:any.librdkafka.property=1",
            "--Streams:KafkaProperties:another.one=2", "--SchemaRegistry:Properties:schema.registry.anything=3", "--Logging:LogLevel:Any.Category=Debug",
            "--Kestrel:Limits:MaxConcurrentConnections=100", "--AllowedHosts=*",
        ]);

        Assert.Equal("1", app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Kafka.Properties["any.librdkafka.property"]);
    }

    [Fact]
    public void AnUnknownKeyInTheSettingsFileIsNamedThereAndOtherSectionsAreLeftAlone()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
        settings["Mission"]!["SagaTimout"] = "00:01:00";
        settings["SomeoneElses"] = new JsonObject { ["Anything"] = 1 };
        var file = Path.Combine(Path.GetTempPath(), $"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, settings.ToJsonString());
        try
        {
            var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0"], file));

            Assert.Equal(
                $"Unknown setting Mission:SagaTimout (in {Path.GetFileName(file)}): did you mean Mission:SagaTimeout?",
                Assert.Single(error.Failures));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("STREAMSAPP_Streams_ApplicationId", "Unknown setting STREAMSAPP_Streams_ApplicationId: did you mean STREAMSAPP_Streams__ApplicationId? Two underscores part a section from its key")]
    [InlineData("STREAMSAPP_KAFKA_PROPERTIES__security.protocol", "Unknown setting STREAMSAPP_KAFKA_PROPERTIES__security.protocol: did you mean STREAMSAPP_Kafka__PROPERTIES__security.protocol? Two underscores part a section from its key")]
    [InlineData("STREAMSAPP_Stream__ApplicationId", "Unknown setting STREAMSAPP_Stream__ApplicationId: did you mean STREAMSAPP_Streams__ApplicationId?")]
    [InlineData("STREAMSAPP_Streams__ApplicatonId", "Unknown setting STREAMSAPP_Streams__ApplicatonId: did you mean STREAMSAPP_Streams__ApplicationId?")]
    public void AVariableMeantAsASettingButMisspeltIsNamedWithTheOneMeant(string variable, string message)
    {
        var problems = UnknownSettings.Find(new ConfigurationRoot([new Variables(new() { [variable] = "x", ["STREAMSAPP_TEST_LOG_DIR"] = "/tmp/logs" })]));

        Assert.Equal(message, Assert.Single(problems));
    }

    [Fact]
    public void VariablesWithThePrefixThatNameNoSectionAreSomeoneElses()
    {
        var variables = new Variables(new()
        {
            ["STREAMSAPP_TEST_LOG_DIR"] = "/tmp/logs", ["STREAMSAPP_PEER_SECRET"] = "s", ["STREAMSAPP_Logging__LogLevel__Default"] = "Debug",
            ["STREAMSAPP_STREAMS__APPLICATIONID"] = "app",
        });

        Assert.Empty(UnknownSettings.Find(new ConfigurationRoot([variables])));
    }

    /// <summary>The environment provider on variables of the test's own, not the process's, which other tests share.</summary>
    private sealed class Variables(Dictionary<string, string> variables) : EnvironmentVariablesConfigurationProvider(WorkerConfiguration.EnvironmentPrefix)
    {
        public override void Load() => Data = variables
            .Where(v => v.Key.StartsWith(WorkerConfiguration.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(
                v => v.Key[WorkerConfiguration.EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
                v => (string?)v.Value,
                StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("-v", "Unknown flag -v: flags start with two dashes (--key=value)")]
    [InlineData("-verbose=true", "Unknown flag -verbose=true: flags start with two dashes (--key=value); did you mean --verbose?")]
    [InlineData("gurantee", "Unexpected argument 'gurantee': every argument is a flag, --key=value; did you mean --guarantee?")]
    [InlineData("--guarantee", "Flag --guarantee has no value: give it as --guarantee=<value>")]
    public void AnArgumentTheCommandLineWouldIgnoreOrFailOnStopsTheStart(string arg, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0", arg]));

        Assert.Equal(message, Assert.Single(error.Failures));
    }

    [Fact]
    public void AValueGivenAfterItsFlagIsThatFlagsValue()
    {
        using var app = WorkerApp.Build(["--http-url", "http://127.0.0.1:0", "--kafka-mode=Embedded", "--guarantee", "ExactlyOnceV2"]);

        Assert.Equal(ProcessingGuarantee.ExactlyOnceV2, app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Streams.ProcessingGuarantee);
    }

    private static IEnumerable<(string Key, Type Type)> EnumSettings(SettingNode node, string? path) =>
        node.ChildNames.SelectMany(name =>
        {
            var key = path is null ? name : $"{path}:{name}";
            var child = node.Child(name)!;
            return child.Type.IsEnum ? [(key, child.Type)] : EnumSettings(child, key);
        });
}
