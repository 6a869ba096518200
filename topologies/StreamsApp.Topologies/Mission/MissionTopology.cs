using StreamsApp.Streams;
using StreamsApp.Streams.Dsl;
using StreamsApp.Topologies.Enrichment;
using StreamsApp.Topologies.Messaging;
using StreamsApp.Topologies.Orders;
using StreamsApp.Topologies.Participants;
using StreamsApp.Topologies.Projections;
using StreamsApp.Topologies.Saga;

namespace StreamsApp.Topologies.Mission;

/// <summary>The mission's application: the selected parts composed into one topology.</summary>
public static class MissionTopology
{
    /// <summary>Builds the topology of the parts <paramref name="options"/> selects.</summary>
    /// <param name="serdes">The contract serdes.</param>
    /// <param name="options">The parts and their tuning; default: every part, default tuning.</param>
    /// <exception cref="ArgumentException">No part is selected.</exception>
    public static Topology Build(ContractSerdes serdes, MissionOptions? options = null)
    {
        var builder = new StreamsBuilder();
        AddTo(builder, serdes, options);
        return builder.Build();
    }

    /// <summary>Adds the parts <paramref name="options"/> selects to <paramref name="builder"/>.</summary>
    /// <param name="builder">The application's builder.</param>
    /// <param name="serdes">The contract serdes.</param>
    /// <param name="options">The parts and their tuning; default: every part, default tuning.</param>
    /// <exception cref="ArgumentException">No part is selected.</exception>
    public static void AddTo(StreamsBuilder builder, ContractSerdes serdes, MissionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(serdes);
        options ??= new MissionOptions();
        var parts = options.Parts;
        if ((parts & MissionParts.All) == MissionParts.None)
        {
            throw new ArgumentException("Select at least one part of the mission.", nameof(options));
        }

        // The intake and the enrichment share the product catalogue (a topic has one source per topology).
        var catalog = (parts & (MissionParts.Intake | MissionParts.Enrichment)) != 0 ? ProductCatalog.AddTo(builder, serdes) : null;
        if (parts.HasFlag(MissionParts.Intake))
        {
            OrderIntakeTopology.AddTo(builder, serdes, options.DeduplicationTtl, catalogStore: catalog);
        }

        // A topic has one source per topology: the saga and the enrichment share the accepted orders, and the payment
        // participant reuses the enrichment's customers table.
        var acceptedOrders = (parts & (MissionParts.Enrichment | MissionParts.Saga)) != 0 ? AcceptedOrders.Stream(builder, serdes) : null;
        var customers = acceptedOrders is not null && parts.HasFlag(MissionParts.Enrichment)
            ? OrderEnrichmentTopology.AddTo(builder, serdes, acceptedOrders, catalog)
            : null;
        if (acceptedOrders is not null && parts.HasFlag(MissionParts.Saga))
        {
            OrderSagaTopology.AddTo(builder, serdes, acceptedOrders, options.Saga);
        }

        if (parts.HasFlag(MissionParts.Participants))
        {
            if (customers is null)
            {
                ParticipantTopologies.AddTo(builder, serdes);
            }
            else
            {
                ParticipantTopologies.AddTo(builder, serdes, customers);
            }
        }

        // No other part reads orders.enriched or saga.state (they write them), so the projections have their own sources.
        if (parts.HasFlag(MissionParts.Projections))
        {
            ProjectionTopology.AddTo(builder, serdes, options.Projections);
        }
    }
}
