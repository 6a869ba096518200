using StreamsApp.Streams.State;

namespace StreamsApp.Topologies.Participants.Payments;

/// <summary>
/// Each customer's captured, unrefunded credit on one task: the sum of the credit its charges hold, made from the
/// task's charges when the task starts (its stores restored by then) and moved with every decision after. It lives in
/// <see cref="PaymentTopology.SpentStore"/>, a store that is not change-logged, for readers; the charges are the
/// truth it is made from.
/// </summary>
internal sealed class SpentCredit(IKeyValueStore<string, decimal> sums)
{
    /// <summary>Sums the credit <paramref name="charges"/> hold, per customer, into the empty store.</summary>
    public void Rebuild(IReadOnlyKeyValueStore<string, Charge> charges)
    {
        foreach (var customer in charges.All()
                     .Where(entry => entry.Value.Held != 0m)
                     .GroupBy(entry => entry.Value.CustomerId!, entry => entry.Value.Held))
        {
            sums.Put(customer.Key, customer.Sum());
        }
    }

    /// <summary>What <paramref name="customerId"/>'s captured, unrefunded charges add up to.</summary>
    public decimal Of(string customerId) => sums.TryGet(customerId, out var sum) ? sum : 0m;

    /// <summary>Moves the sum as a charge's decision goes from <paramref name="before"/> (null: none yet) to <paramref name="after"/>.</summary>
    public void Moved(Charge? before, Charge after)
    {
        var change = after.Held - (before?.Held ?? 0m);
        if (change != 0m)
        {
            sums.Put(after.CustomerId!, Of(after.CustomerId!) + change);
        }
    }
}
