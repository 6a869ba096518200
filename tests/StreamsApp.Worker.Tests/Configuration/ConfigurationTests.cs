using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamsApp.Streams;
using StreamsApp.Worker.Configuration;
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
