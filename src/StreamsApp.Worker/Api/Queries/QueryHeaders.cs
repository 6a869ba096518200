namespace StreamsApp.Worker.Api.Queries;

/// <summary>The headers the query endpoints add.</summary>
internal static class QueryHeaders
{
    /// <summary>
    /// On a request one worker forwards to another: the forwarder's application server. A request carrying it with a
    /// valid proof (<see cref="PeerCredentials"/>, which owns the header) is answered from local stores or refused with
    /// 503, never forwarded again, so two workers that disagree about an owner cannot bounce a request between them.
    /// </summary>
    public const string ForwardedBy = PeerCredentials.ForwardedByHeader;

    /// <summary>On a key's answer: the application server of the worker whose store answered.</summary>
    public const string ServedBy = "X-StreamsApp-Served-By";

    /// <summary>
    /// On a key's answer read from a standby replica while the owner was away: <c>true</c>, since it may lag behind
    /// what the owner had processed. On a request one worker forwards to another's standby: that it accepts such an
    /// answer (honoured only from a peer, as <see cref="ForwardedBy"/>).
    /// </summary>
    public const string Stale = "X-StreamsApp-Stale";
}
