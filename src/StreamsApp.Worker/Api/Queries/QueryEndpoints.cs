using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StreamsApp.Worker.Api.Queries;

/// <summary>Registers the interactive-query endpoints and what they need.</summary>
internal static class QueryEndpoints
{
    /// <summary>The router, the forwarder and its HttpClient (short timeout, bounded answers).</summary>
    public static IServiceCollection AddQueryServices(this IServiceCollection services)
    {
        services.AddHttpClient(OwnerForwarder.ClientName, client =>
        {
            client.Timeout = OwnerForwarder.Timeout;
            client.MaxResponseContentBufferSize = OwnerForwarder.MaxAnswerBytes;
        });
        services.AddSingleton<OwnerForwarder>();
        services.AddSingleton<StoreQueryRouter>();
        return services;
    }

    /// <summary>Maps the read-model, saga and generic store endpoints.</summary>
    public static IEndpointRouteBuilder MapQueryEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapReadModelEndpoints().MapSagaEndpoints().MapStoreEndpoints();
}
