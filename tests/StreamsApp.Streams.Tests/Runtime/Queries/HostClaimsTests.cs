using StreamsApp.Streams.Processing;
using StreamsApp.Streams.Runtime;
using StreamsApp.Streams.Runtime.Internal.Queries;

namespace StreamsApp.Streams.Tests.Runtime.Queries;

public sealed class HostClaimsTests
{
    private static readonly HostInfo A = new("a", 1);
    private static readonly HostInfo B = new("b", 2);

    private static TaskId T(int subtopology, int partition) => new(subtopology, partition);

    private static HostClaim Claim(HostInfo host, long order, params TaskId[] tasks) => new(host, tasks.ToHashSet(), new HashSet<TaskId>(), order);

    [Fact]
    public void A_process_latest_claim_replaces_its_earlier_one()
    {
        var claims = new HostClaims();
        claims.Apply("p1", Claim(A, 1, T(0, 0), T(0, 1)));
        claims.Apply("p1", Claim(A, 2, T(0, 1)));

        Assert.Null(claims.OwnerOf(T(0, 0)));
        Assert.Equal(A, claims.OwnerOf(T(0, 1)));
    }

    [Fact]
    public void On_conflicting_claims_the_newer_one_owns_the_task()
    {
        var claims = new HostClaims();
        claims.Apply("p1", Claim(A, 1, T(0, 0), T(0, 1)));
        claims.Apply("p2", Claim(B, 2, T(0, 1)));

        Assert.Equal(A, claims.OwnerOf(T(0, 0)));
        Assert.Equal(B, claims.OwnerOf(T(0, 1)));
        Assert.Equal(new HashSet<TaskId> { T(0, 0) }, claims.TasksByHost[A]);
        Assert.Equal(new HashSet<TaskId> { T(0, 1) }, claims.TasksByHost[B]);
    }

    [Fact]
    public void An_older_claim_of_the_same_process_is_ignored()
    {
        var claims = new HostClaims();
        claims.Apply("p1", Claim(A, 5, T(0, 0)));
        claims.Apply("p1", Claim(A, 3, T(0, 1)));

        Assert.Equal(A, claims.OwnerOf(T(0, 0)));
        Assert.Null(claims.OwnerOf(T(0, 1)));
    }

    [Fact]
    public void A_tombstone_withdraws_the_claim_and_an_older_claim_owns_its_tasks_again()
    {
        var claims = new HostClaims();
        claims.Apply("p1", Claim(A, 1, T(0, 0), T(0, 1)));
        claims.Apply("p2", Claim(B, 2, T(0, 1)));
        claims.Apply("p2", null);

        Assert.Equal(A, claims.OwnerOf(T(0, 1)));
        Assert.False(claims.TasksByHost.ContainsKey(B));
    }

    [Fact]
    public void An_own_claim_applied_before_its_echo_beats_every_claim_seen_but_not_a_later_one()
    {
        var claims = new HostClaims();
        claims.Apply("dead", Claim(B, 7, T(0, 0), T(0, 1)));
        claims.ApplyOwn("self", A, new HashSet<TaskId> { T(0, 0), T(0, 1) }, new HashSet<TaskId>());

        Assert.Equal(A, claims.OwnerOf(T(0, 0)));
        claims.Apply("joiner", Claim(B, 8, T(0, 1)));
        Assert.Equal(B, claims.OwnerOf(T(0, 1)));
        claims.Apply("self", Claim(A, 9, T(0, 0)));
        Assert.False(claims.ClaimOf("self")!.Provisional);
        Assert.Equal(A, claims.OwnerOf(T(0, 0)));
    }

    [Fact]
    public void A_host_owning_no_task_is_not_listed()
    {
        var claims = new HostClaims();
        claims.Apply("p1", Claim(A, 1, T(0, 0)));
        claims.Apply("p2", Claim(B, 2, T(0, 0)));

        Assert.Equal([B], claims.TasksByHost.Keys);
    }

    private static readonly HostClaimFormat Signed = HostClaimFormat.For(new StreamsConfig { ApplicationId = "app", QueryHostsSecret = "0123456789abcdef" });

    [Fact]
    public void A_claim_survives_its_wire_format()
    {
        var value = Signed.Serialize("p1", new HostInfo("[::1]", 8080), [T(1, 2), T(0, 3)], [T(1, 0)]);

        var claim = Signed.Deserialize("p1", value, 42, out _);

        Assert.StartsWith("3|[::1]:8080|0_3,1_2|1_0|", System.Text.Encoding.UTF8.GetString(value), StringComparison.Ordinal);
        Assert.NotNull(claim);
        Assert.Equal(new HostInfo("[::1]", 8080), claim.Host);
        Assert.Equal(new HashSet<TaskId> { T(1, 2), T(0, 3) }, claim.Tasks);
        Assert.Equal(new HashSet<TaskId> { T(1, 0) }, claim.Standbys);
        Assert.Equal(42, claim.Order);
    }

    [Fact]
    public void A_claim_of_an_instance_without_application_server_names_no_host()
    {
        var value = Signed.Serialize("p1", HostInfo.Unavailable, [T(0, 0)], []);

        var claim = Signed.Deserialize("p1", value, 1, out _);

        Assert.StartsWith("3||0_0||", System.Text.Encoding.UTF8.GetString(value), StringComparison.Ordinal);
        Assert.Equal(HostInfo.Unavailable, claim!.Host);
    }

    [Fact]
    public void A_claim_of_format_2_from_before_standbys_is_still_read()
    {
        var body = "2|a:1|0_0,0_1";
        var signature = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("0123456789abcdef"), System.Text.Encoding.UTF8.GetBytes($"p1|{body}")));

        var claim = Signed.Deserialize("p1", System.Text.Encoding.UTF8.GetBytes($"{body}|{signature}"), 7, out var reason);

        Assert.True(claim is not null, reason);
        Assert.Equal(new HashSet<TaskId> { T(0, 0), T(0, 1) }, claim.Tasks);
        Assert.Empty(claim.Standbys);
    }

    [Fact]
    public void Standby_hosts_of_a_task_are_the_other_claims_keeping_it()
    {
        var claims = new HostClaims();
        var c = new HostInfo("c", 3);
        claims.Apply("p1", new HostClaim(A, new HashSet<TaskId> { T(0, 0) }, new HashSet<TaskId> { T(0, 1) }, 1));
        claims.Apply("p2", new HostClaim(B, new HashSet<TaskId> { T(0, 1) }, new HashSet<TaskId> { T(0, 0) }, 2));
        claims.Apply("p3", new HostClaim(c, new HashSet<TaskId>(), new HashSet<TaskId> { T(0, 0), T(0, 1) }, 3));

        Assert.Equal([B, c], claims.StandbysOf(T(0, 0)));
        Assert.Equal([A, c], claims.StandbysOf(T(0, 1)));
        Assert.Empty(claims.StandbysOf(T(0, 2)));
        Assert.Equal("p2", claims.OwnerProcesses[T(0, 1)]);
    }

    [Theory]
    [InlineData("1|a:1|0_0")]
    [InlineData("2|a:1|0_0")]
    [InlineData("2|a:1|0_0|")]
    [InlineData("2|a:1|0_0|AAAA")]
    [InlineData("garbage")]
    [InlineData("")]
    public void A_claim_that_is_unsigned_or_unreadable_is_rejected_with_a_reason(string text)
    {
        Assert.Null(Signed.Deserialize("p1", System.Text.Encoding.UTF8.GetBytes(text), 0, out var reason));
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void A_claim_verifies_only_under_its_own_process_id_and_secret()
    {
        var value = Signed.Serialize("p1", new HostInfo("a", 1), [T(0, 0)], []);
        var otherSecret = HostClaimFormat.For(new StreamsConfig { ApplicationId = "app", QueryHostsSecret = "fedcba9876543210" });
        var unset = HostClaimFormat.For(new StreamsConfig { ApplicationId = "app" });

        Assert.Null(Signed.Deserialize("p2", value, 0, out var replayed));
        Assert.Contains("signature", replayed, StringComparison.Ordinal);
        Assert.Null(otherSecret.Deserialize("p1", value, 0, out _));
        Assert.Null(unset.Deserialize("p1", value, 0, out _));
        Assert.NotNull(unset.Deserialize("p1", unset.Serialize("p1", new HostInfo("a", 1), [T(0, 0)], []), 0, out _));
    }

    [Fact]
    public void A_tampered_claim_does_not_verify()
    {
        var text = System.Text.Encoding.UTF8.GetString(Signed.Serialize("p1", new HostInfo("worker-1", 8080), [T(0, 0)], []));
        var tampered = text.Replace("worker-1:8080", "evil:18666", StringComparison.Ordinal);

        Assert.Null(Signed.Deserialize("p1", System.Text.Encoding.UTF8.GetBytes(tampered), 0, out _));
    }

    [Theory]
    [InlineData("localhost:8080", "localhost", 8080)]
    [InlineData("10.0.0.1:1", "10.0.0.1", 1)]
    public void HostInfo_parses_host_and_port(string text, string host, int port) =>
        Assert.Equal(new HostInfo(host, port), HostInfo.Parse(text));

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:0")]
    [InlineData(":80")]
    [InlineData("host:70000")]
    public void HostInfo_rejects_what_is_not_host_and_port(string text) => Assert.Throws<FormatException>(() => HostInfo.Parse(text));

    [Fact]
    public void A_bad_application_server_fails_validation_naming_the_key()
    {
        var config = new StreamsConfig { ApplicationId = "app", ApplicationServer = "no-port" };

        var error = Assert.Throws<Errors.StreamsConfigException>(config.Validate);

        Assert.Contains("application.server", error.Message, StringComparison.Ordinal);
    }
}
