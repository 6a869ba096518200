using StreamsApp.Contracts.Payments;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Participants.Payments;

/// <summary>
/// Charges and refunds on the customer's task, the only place a customer's spent credit changes, so concurrent
/// orders of one customer cannot overdraw it. Each decision is one record (<see cref="Payments.Charge"/>), written
/// whole, and the spent credit is summed from those records (<see cref="SpentCredit"/>): under at-least-once a crash
/// can lose a decision's record or keep it, never keep half of it. Replies are keyed by order id again.
/// </summary>
internal sealed class CreditLedger : IProcessor<string, CustomerCommand, string, PaymentReply>
{
    private IProcessorContext<string, PaymentReply>? _context;
    private IKeyValueStore<string, Charge>? _charges;
    private SpentCredit? _spent;

    public void Init(IProcessorContext<string, PaymentReply> context)
    {
        _context = context;
        _charges = context.GetStateStore<IKeyValueStore<string, Charge>>(PaymentTopology.ChargeStore);
        _spent = new SpentCredit(context.GetStateStore<IKeyValueStore<string, decimal>>(PaymentTopology.SpentStore));
        _spent.Rebuild(_charges);
    }

    public void Process(Record<string, CustomerCommand> record)
    {
        switch (record.Value.Command.Message)
        {
            case ChargePayment charge:
                var reply = Charge(charge, record.Value).Reply(charge, record.Timestamp);
                _context!.Forward(CommandReply.Record(charge, TraceHeaders.Read(record.Headers), record.Timestamp, new PaymentReply { Message = reply }));
                break;
            case RefundPayment refund:
                var refunded = Refund(refund).Answering(refund, record.Timestamp);
                _context!.Forward(CommandReply.Record(refund, TraceHeaders.Read(record.Headers), record.Timestamp, new PaymentReply { Message = refunded }));
                break;
            default:
                throw new InvalidOperationException($"payments.commands carries no {record.Value.Command.Message?.GetType().Name}");
        }
    }

    private Charge Charge(ChargePayment command, CustomerCommand joined)
    {
        if (_charges!.TryGet(command.OrderId, out var decided))
        {
            return decided;
        }

        var charge = CreditRules.RefusalReason(command, joined.Customer, _spent!.Of(command.CustomerId)) is { } reason
            ? new Charge(ChargeStatus.Failed, "", command.Amount, command.Currency, reason, command.CustomerId)
            : new Charge(ChargeStatus.Captured, MessageIds.Derived(command.MessageId, "payment"), command.Amount, command.Currency, null, command.CustomerId);
        Decide(command.OrderId, null, charge);
        return charge;
    }

    // No reply: the contract has none, the saga only needs the refund applied once.
    /// <summary>
    /// Refunds the order's captured payment once, and says what was given back: the capture (also to a repeated
    /// refund, which gives back nothing more), or nothing when nothing was captured.
    /// </summary>
    private PaymentRefunded Refund(RefundPayment command)
    {
        if (!_charges!.TryGet(command.OrderId, out var charge) || charge.Status is not (ChargeStatus.Captured or ChargeStatus.Refunded))
        {
            return new PaymentRefunded { PaymentId = "", Amount = 0m, Currency = command.Currency };
        }

        if (charge.Status == ChargeStatus.Captured)
        {
            // Give back what was captured, whatever amount the command names.
            Decide(command.OrderId, charge, charge with { Status = ChargeStatus.Refunded });
        }

        return new PaymentRefunded { PaymentId = charge.PaymentId, Amount = charge.Amount, Currency = charge.Currency };
    }

    // The record first: the sum is made from the records, and is only what they add up to.
    private void Decide(string orderId, Charge? before, Charge after)
    {
        _charges!.Put(orderId, after);
        _spent!.Moved(before, after);
    }
}
