using Avro.Specific;
using StreamsApp.Contracts;
using StreamsApp.Contracts.Orders;
using StreamsApp.Contracts.Saga;
using StreamsApp.Streams.Processing;
using StreamsApp.Streams.State;
using StreamsApp.Topologies.Messaging;

namespace StreamsApp.Topologies.Saga;

/// <summary>
/// Runs the saga of each order: an order starts one, each participant reply moves it on (see
/// <see cref="SagaStateMachine"/>), and a wall-clock punctuator times out the sagas past their deadline and purges
/// the finished ones past their retention, finding them through the <see cref="SagaSchedule"/>. Forwards envelopes
/// of commands and events and every state the saga passes through; <see cref="OrderSagaTopology"/> routes them to
/// their topics by type.
/// </summary>
/// <param name="options">Timeout, scan interval and finished-saga retention.</param>
internal sealed class OrderSagaProcessor(SagaOptions options) : IProcessor<string, ISpecificRecord?, string, ISpecificRecord>
{
    private IProcessorContext<string, ISpecificRecord> _context = null!;
    private IKeyValueStore<string, SagaState> _sagas = null!;
    private IKeyValueStore<string, SagaTrace> _traces = null!;
    private SagaSchedule _schedule = null!;

    private DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(_context.CurrentSystemTimeMs);

    public void Init(IProcessorContext<string, ISpecificRecord> context)
    {
        _context = context;
        _sagas = context.GetStateStore<IKeyValueStore<string, SagaState>>(SagaStores.State);
        _traces = context.GetStateStore<IKeyValueStore<string, SagaTrace>>(SagaStores.Trace);
        _schedule = new SagaSchedule(context.GetStateStore<IKeyValueStore<byte[], byte[]>>(SagaStores.Schedule), options.FinishedSagaRetention);
        ScheduleUnscheduled();
        context.Schedule(options.TimeoutScanInterval, PunctuationType.WallClockTime, ScanSagas);
    }

    public void Process(Record<string, ISpecificRecord?> record)
    {
        // A null value (a tombstone on an input topic) matches neither case: it carries nothing to act on.
        switch (record.Value)
        {
            case OrderCreated order:
                Start(record, order);
                break;
            case ISagaMessage reply:
                Reply(record, reply);
                break;
        }
    }

    private void Start(Record<string, ISpecificRecord?> record, OrderCreated order)
    {
        // An order re-sent for a running or finished saga must not start it again (and re-issue its commands).
        if (_sagas.TryGet(record.Key, out var saga))
        {
            SendAgainIfRedelivered(saga, record.Timestamp);
            return;
        }

        Apply(record.Key, null, SagaStateMachine.Start(order, Now, options.Timeout), Cause(record, order.EventId), record.Timestamp);
    }

    private void Reply(Record<string, ISpecificRecord?> record, ISagaMessage reply)
    {
        if (record.Key is null || !_sagas.TryGet(record.Key, out var saga))
        {
            throw UnknownSagaException.For(record.Key);
        }

        var transition = SagaStateMachine.Apply(saga, reply, Now, options);
        if (!transition.Changed)
        {
            SendAgainIfRedelivered(saga, record.Timestamp);
            return;
        }

        Apply(record.Key, saga, transition, Cause(record, reply.MessageId), record.Timestamp);
    }

    /// <summary>
    /// An input the saga ignores is either a duplicate (a re-sent order, a repeated reply), which changes nothing, or
    /// the very record that made the saga's state, redelivered: under at-least-once a crash after the state reached
    /// its changelog but before the messages it sent reached their topics replays that record, and the saga, already
    /// in the state, would wait forever for a reply to a command no one got. Then it sends again what the state sent
    /// (<see cref="SagaStateMachine.Sent"/>, with the same message ids, which the participants answer idempotently),
    /// and the state itself for the projections.
    /// </summary>
    private void SendAgainIfRedelivered(SagaState saga, long timestamp)
    {
        if (saga.LastInput is null || saga.LastInput != InputPosition())
        {
            return;
        }

        var cause = _traces.Get(saga.SagaId);
        foreach (var message in SagaStateMachine.Sent(saga, Now))
        {
            Forward(saga.SagaId, SagaEnvelopes.Wrap(message), cause, timestamp);
        }

        Forward(saga.SagaId, saga, cause, timestamp);
    }

    /// <summary>Where the record being processed comes from (topic/partition@offset); null in a punctuation.</summary>
    private string? InputPosition() => _context.RecordMetadata is { } input ? $"{input.Topic}/{input.Partition}@{input.Offset}" : null;

    /// <summary>
    /// The wall-clock scan: times out the unfinished sagas past their deadline and purges the finished ones kept
    /// longer than <see cref="SagaOptions.FinishedSagaRetention"/> (without publishing anything, see
    /// <see cref="OrderSagaTopology"/>). Only the schedule's due entries are read.
    /// </summary>
    private void ScanSagas(long timestamp)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(timestamp);

        // Collected before acting: acting writes the schedule the range reads.
        foreach (var (at, sagaId) in _schedule.DueBy(now))
        {
            if (!_sagas.TryGet(sagaId, out var saga) || _schedule.DueAt(saga).ToUnixTimeMilliseconds() != at.ToUnixTimeMilliseconds())
            {
                // Left behind by a saga since purged or rescheduled (a crash between the two writes, at least once).
                _schedule.Remove(at, sagaId);
            }
            else if (saga.IsFinished())
            {
                _schedule.Remove(at, sagaId);
                _sagas.Delete(sagaId, out _);
                _traces.Delete(sagaId, out _);
            }
            else
            {
                // The timeout continues the trace of the command whose reply never came.
                Apply(sagaId, saga, SagaStateMachine.TimeOut(saga, now, options), _traces.Get(sagaId), timestamp);
            }
        }
    }

    /// <summary>
    /// Schedules every stored saga once, when the schedule is empty but sagas are stored: the state of a version
    /// before the schedule, which would otherwise never time out nor be purged. Costs one read of the store, once.
    /// </summary>
    private void ScheduleUnscheduled()
    {
        if (!_schedule.IsEmpty)
        {
            return;
        }

        foreach (var (_, saga) in _sagas.All())
        {
            _schedule.Reschedule(null, saga);
        }
    }

    /// <summary>
    /// The causing record's trace. Unlike <see cref="TraceHeaders.CausedBy"/>, which starts a trace per output, a record
    /// without one starts it here, once, so that the several outputs of one transition share one trace.
    /// </summary>
    private static SagaTrace Cause(Record<string, ISpecificRecord?> record, string messageId) =>
        new(TraceHeaders.Read(record.Headers) ?? TraceHeaders.Start(record.Key), messageId);

    /// <summary>
    /// Stores the saga's new state, moves it in the schedule, and forwards its messages and states, each a child span
    /// of the cause.
    /// </summary>
    private void Apply(string sagaId, SagaState? previous, SagaTransition transition, SagaTrace? cause, long timestamp)
    {
        if (!transition.Changed)
        {
            return;
        }

        var input = InputPosition();
        foreach (var state in transition.States)
        {
            state.LastInput = input;
        }

        _sagas.Put(sagaId, transition.Final);
        _schedule.Reschedule(previous, transition.Final);
        SagaTrace? pending = null;
        foreach (var message in transition.Messages)
        {
            var headers = Forward(sagaId, SagaEnvelopes.Wrap(message), cause, timestamp);
            pending = new SagaTrace(headers, message.MessageId);
        }

        foreach (var state in transition.States)
        {
            Forward(sagaId, state, cause, timestamp);
        }

        if (transition.Stuck is { } reason)
        {
            var headers = (cause?.Child() ?? TraceHeaders.Start(sagaId)).ToHeaders();
            SagaDeadLetter.AddReason(headers, reason);
            _context.Forward(new Record<string, ISpecificRecord>(sagaId, new SagaDeadLetter(transition.Final), timestamp, headers));
        }

        // The last message sent: what a reply continues, and what a redelivery sends again. Purged with the saga.
        if (pending is not null)
        {
            _traces.Put(sagaId, pending);
        }
    }

    private TraceHeaders Forward(string sagaId, ISpecificRecord value, SagaTrace? cause, long timestamp)
    {
        var headers = cause?.Child() ?? TraceHeaders.Start(sagaId);
        _context.Forward(new Record<string, ISpecificRecord>(sagaId, value, timestamp, headers.ToHeaders()));
        return headers;
    }
}
