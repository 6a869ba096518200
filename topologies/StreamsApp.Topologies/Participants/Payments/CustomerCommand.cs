using StreamsApp.Contracts.Customers;
using StreamsApp.Contracts.Payments;

namespace StreamsApp.Topologies.Participants.Payments;

/// <summary>A payment command joined with its customer's profile (null when the customer is unknown).</summary>
internal sealed record CustomerCommand(PaymentCommand Command, Customer? Customer);
