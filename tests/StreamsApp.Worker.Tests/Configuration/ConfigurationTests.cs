using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamsApp.Streams;
using StreamsApp.Worker.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StreamsApp.Worker.Hosting;

namespace StreamsApp.Worker.Tests.Configuration;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("--Streams:CommitInterval=-00:00:01", "Streams:CommitInterval must be positive")]
    [InlineData("--threads=0", "Streams:NumStreamThreads must be at least 1")]
    [InlineData("--Streams:NumStandbyReplicas=-1", "Streams:NumStandbyReplicas (num.standby.replicas) must not be negative")]
    [InlineData("--partitions=0", "Kafka:TopicPartitions must be at least 1")]
    [InlineData("--Kafka:ConnectTimeout=00:00:00.500", "Kafka:ConnectTimeout must be between 00:00:01 and 00:10:00")]
    [InlineData("--http-url=ftp://x", "Http:Url must be an absolute http or https URL")]
    [InlineData("--topologies=None", "Mission:Parts must name at least one of")]
    [InlineData("--compensation-timeout=00:00:00", "Mission:CompensationTimeout must be at least a millisecond")]
    [InlineData("--Mission:MaxCompensationAttempts=0", "Mission:MaxCompensationAttempts must be at least 1")]
    [InlineData("--Kafka:Properties:group.id=mine", "Kafka:Properties:group.id is set by the runtime")]
    [InlineData("--bootstrap-servers=broker:9092", "SchemaRegistry:Url must be one or more absolute http or https URLs")]
    [InlineData("--bootstrap-servers=broker:9092 --schema-registry-url=http://r1:8081,r2:8081", "SchemaRegistry:Url must be one or more absolute http or https URLs")]
    [InlineData("--bootstrap-servers=broker:9092 --schema-registry-url=http://r:8081 --SchemaRegistry:Properties:schema.registry.basic.auth.credentials.source=PASSWORD", "SchemaRegistry:Properties: ")]
    [InlineData("--otlp-endpoint=collector:4317", "Telemetry:OtlpEndpoint must be an absolute http or https URL")]
    [InlineData("--topic-admin-url=http://127.0.0.1:8081/admin", "Kafka:TopicAdminUrl needs Streams:BootstrapServers")]
    [InlineData("--bootstrap-servers=b:9092 --schema-registry-url=http://r:8081 --topic-admin-url=127.0.0.1/admin", "Kafka:TopicAdminUrl must be an absolute http or https URL")]
    public void ABadSettingStopsTheStartWithAnErrorNamingItsKey(string flags, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0", "--demo-rate=0", .. flags.Split(' ')]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--environment=Production", "Streams:BootstrapServers is not set, and in the Production environment the worker does not fall back")]
    [InlineData("--kafka-mode=Cluster --environment=Development", "Streams:BootstrapServers must name the cluster when Kafka:Mode is Cluster")]
    [InlineData("--kafka-mode=Embedded --bootstrap-servers=b:9092 --schema-registry-url=http://r:8081", "Kafka:Mode is Embedded, which runs a cluster of its own, but Streams:BootstrapServers names one (b:9092)")]
    public void TheClusterIsChosenNotFallenBackToInProduction(string flags, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build(["--http-url=http://127.0.0.1:0", .. flags.Split(' ')]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfluentsRegistryClientIsConfiguredFromTheRegistrySection()
    {
        using var app = WorkerApp.Build(
        [
            "--http-url=http://127.0.0.1:0", "--bootstrap-servers=b:9092", "--schema-registry-url=https://r1:8081,https://r2:8081",
            "--SchemaRegistry:Properties:schema.registry.basic.auth.credentials.source=USER_INFO",
            "--SchemaRegistry:Properties:schema.registry.basic.auth.user.info=key:secret",
        ]);

        var config = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.SchemaRegistry.ClientConfig();

        Assert.Equal("https://r1:8081,https://r2:8081", config.Url);
        Assert.Equal("key:secret", config.BasicAuthUserInfo);
        Assert.Equal(Confluent.SchemaRegistry.AuthCredentialsSource.UserInfo, config.BasicAuthCredentialsSource);
    }

    [Theory]
    [InlineData("--environment=Development", true)]
    [InlineData("--environment=Production --kafka-mode=Embedded", true)]
    [InlineData("--environment=Production --bootstrap-servers=b:9092 --schema-registry-url=http://r:8081", false)]
    public void TheModeFollowsTheSettingsAndOutsideProductionTheMissingBootstrap(string flags, bool embedded)
    {
        var app = WorkerApp.Build(["--http-url=http://127.0.0.1:0", .. flags.Split(' ')]);

        var options = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.Equal(embedded, options.IsEmbedded);
        Assert.Equal(embedded, options.DemoEnabled);
    }

    [Theory]
    [InlineData("--Streams:CommitInterval=soon", "Streams:CommitInterval must be a time span, [d.]hh:mm:ss[.fff], e.g. 00:00:30 (was 'soon')")]
    [InlineData("--threads=two", "Streams:NumStreamThreads must be a whole number (was 'two')")]
    [InlineData("--verbose=maybe", "Console:Verbose must be true or false (was 'maybe')")]
    [InlineData("--guarantee=Bogus", "Streams:ProcessingGuarantee must be one of AtLeastOnce, ExactlyOnceV2 (was 'Bogus')")]
    [InlineData("--guarantee=ExactlyOnce", "Streams:ProcessingGuarantee must be one of AtLeastOnce, ExactlyOnceV2 (was 'ExactlyOnce'; did you mean ExactlyOnceV2?)")]
    [InlineData("--kafka-mode=1", "Kafka:Mode must be one of Embedded, Cluster (was '1')")]
    [InlineData("--topologies=Intake,Sagas", "Mission:Parts must be one or more of None, Intake, Enrichment, Saga, Participants, Projections, All (comma-separated) (was 'Intake,Sagas'; did you mean Saga?)")]
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
            Assert.StartsWith($"{key} must be one ", failure, StringComparison.Ordinal);
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

    [Fact]
    public void ATrueOrFalseFlagGivenAloneIsTrueAndLeavesTheNextFlagAlone()
    {
        using var app = WorkerApp.Build(["--http-url=http://127.0.0.1:0", "--kafka-mode=Embedded", "--verbose", "--demo=false", "--Kafka:CreateTopics"]);

        var options = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.True(options.Console.Verbose);
        Assert.False(options.Demo.Enabled);
        Assert.True(options.Kafka.CreateTopics);
    }

    [Theory]
    [InlineData(false, LogLevel.Warning, LogLevel.Information)]
    [InlineData(true, LogLevel.Information, LogLevel.Debug)]
    public void LibraryChatterIsOffUnlessVerbose(bool verbose, LogLevel httpClient, LogLevel worker)
    {
        string[] args = ["--http-url=http://127.0.0.1:0", "--kafka-mode=Embedded"];
        using var app = WorkerApp.Build(verbose ? [.. args, "--verbose"] : args);

        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        Assert.Equal(httpClient, MinimumLevel(loggers.CreateLogger("System.Net.Http.HttpClient.streamsapp-query-forwarding.LogicalHandler")));
        Assert.Equal(httpClient, MinimumLevel(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware")));
        Assert.Equal(worker, MinimumLevel(loggers.CreateLogger("StreamsApp.Worker.Hosting.SagaOutcomes")));
    }

    private static LogLevel MinimumLevel(ILogger logger) => Enum.GetValues<LogLevel>().First(logger.IsEnabled);

    private static IEnumerable<(string Key, Type Type)> EnumSettings(SettingNode node, string? path) =>
        node.ChildNames.SelectMany(name =>
        {
            var key = path is null ? name : $"{path}:{name}";
            var child = node.Child(name)!;
            return child.Type.IsEnum ? [(key, child.Type)] : EnumSettings(child, key);
        });

    [Fact]
    public void EnvironmentVariablesOverrideTheFileAndFlagsOverrideBoth()
    {
        Environment.SetEnvironmentVariable("STREAMSAPP_Streams__ApplicationId", "from-env");
        Environment.SetEnvironmentVariable("STREAMSAPP_Mission__SagaTimeout", "00:01:00");
        try
        {
            var app = WorkerApp.Build(["--application-id=from-flag", "--kafka-mode=Embedded"]);
            var options = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;

            Assert.Equal("from-flag", options.Streams.ApplicationId);
            Assert.Equal(TimeSpan.FromMinutes(1), options.Mission.SagaTimeout);
            // Outside the source tree, whatever the working directory (never under a `dotnet run --project` checkout).
            Assert.Equal(StreamsConfig.DefaultStateDir, options.Streams.StateDir);
        }
        finally
        {
            Environment.SetEnvironmentVariable("STREAMSAPP_Streams__ApplicationId", null);
            Environment.SetEnvironmentVariable("STREAMSAPP_Mission__SagaTimeout", null);
        }
    }

    [Fact]
    public void KafkaPropertiesPassThroughToTheEngineAndTheApplicationServerDefaultsToTheHttpUrl()
    {
        var options = new WorkerOptions { Kafka = { Properties = { ["security.protocol"] = "SASL_SSL" } }, Http = { Url = "http://worker-1:9000" } };

        var config = StreamsConfigFactory.Create(options, "b:9092");

        Assert.Equal("SASL_SSL", config.KafkaProperties["security.protocol"]);
        Assert.Equal("worker-1:9000", options.Http.EffectiveApplicationServer);
        Assert.Equal("worker-1:9000", config.ApplicationServer);
    }

    [Fact]
    public void TheGroupProtocolTheStaticInstanceIdAndTheStandbysReachTheEngine()
    {
        var options = new WorkerOptions { Streams = { GroupProtocol = Streams.GroupProtocol.Classic, GroupInstanceId = "worker-1", NumStandbyReplicas = 1 } };

        var config = StreamsConfigFactory.Create(options, "b:9092");

        Assert.Equal(Streams.GroupProtocol.Classic, config.GroupProtocol);
        Assert.Equal("worker-1", config.GroupInstanceId);
        Assert.Equal(1, config.NumStandbyReplicas);
        Assert.Equal(Streams.GroupProtocol.Consumer, StreamsConfigFactory.Create(new WorkerOptions(), "b:9092").GroupProtocol);
    }

    [Theory]
    [InlineData("", "", false, true, false)]
    [InlineData("b:9092", "http://127.0.0.1:8081/admin", false, true, true)]
    [InlineData("b:9092", "", true, false, true)]
    [InlineData("b:9092", "", false, false, false)]
    public void TheTopicAdminUrlMarksAnEmbeddedClusterAndTopicsAreCreatedThroughItOrWhenAsked(
        string bootstrapServers, string topicAdminUrl, bool createTopics, bool mockSessionTimeout, bool createsMissionTopics)
    {
        // The client session matters under the classic protocol only; under the consumer protocol the cluster's applies.
        var options = new WorkerOptions
        {
            Streams = { ApplicationId = "app", StateDir = "./state", BootstrapServers = bootstrapServers, GroupProtocol = Streams.GroupProtocol.Classic },
            Kafka = { TopicAdminUrl = topicAdminUrl, CreateTopics = createTopics },
        };

        var config = StreamsConfigFactory.Create(options, "b:9092");

        Assert.Equal(mockSessionTimeout, config.KafkaProperties.ContainsKey("session.timeout.ms"));
        Assert.Equal(mockSessionTimeout, config.KafkaProperties.ContainsKey("heartbeat.interval.ms"));
        Assert.Equal(createsMissionTopics, options.CreatesMissionTopics);
    }

    [Theory]
    [InlineData("sasl.password", true)]
    [InlineData("ssl.key.password", true)]
    [InlineData("ssl.keystore.password", true)]
    [InlineData("sasl.oauthbearer.client.secret", true)]
    [InlineData("Http:ApiKey", true)]
    [InlineData("sasl.jaas.config", true)]
    [InlineData("security.protocol", false)]
    [InlineData("sasl.username", false)]
    [InlineData("schema.registry.basic.auth.user.info", true)]
    [InlineData("schema.registry.bearer.auth.token", true)]
    [InlineData("schema.registry.url", false)]
    public void SecretKeysAreRecognised(string key, bool secret) => Assert.Equal(secret, SecretRedaction.IsSecret(key));

    [Fact]
    public void TheBannerNeverShowsSecrets()
    {
        var options = new WorkerOptions
        {
            Kafka = { Properties = { ["sasl.username"] = "alice", ["sasl.password"] = "hunter2", ["ssl.key.password"] = "s3cret" } },
            Http = { ApiKey = "top-key" },
        };
        var text = Worker.Console.StartupBanner.Text(options, "127.0.0.1:9092", Streams.ProcessingGuarantee.AtLeastOnce, "x:1", "http://x");

        Assert.Contains("sasl.username=alice", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("top-key", text, StringComparison.Ordinal);
    }
}
