using StreamsApp.Streams.Runtime.Internal;

namespace StreamsApp.Streams.Runtime;

/// <summary>The instance's state machine, driven by its stream threads.</summary>
public sealed partial class KafkaStreams
{
    private readonly Lock _gate = new();
    private KafkaStreamsState _state = KafkaStreamsState.Created;

    /// <summary>Raised on every state change, on the thread that caused it; handlers must not block.</summary>
    public event EventHandler<KafkaStreamsStateChangedEventArgs>? StateChanged;

    /// <summary>The current state.</summary>
    public KafkaStreamsState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Waits until the instance reaches <paramref name="state"/>.</summary>
    /// <param name="state">The state to wait for.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="InvalidOperationException">The instance stopped (NotRunning or Error) before reaching it.</exception>
    public Task WaitForStateAsync(KafkaStreamsState state, CancellationToken cancellationToken = default)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(object? sender, KafkaStreamsStateChangedEventArgs e) => Check(e.NewState);
        void Check(KafkaStreamsState current)
        {
            if (current == state)
            {
                reached.TrySetResult();
            }
            else if (current is KafkaStreamsState.NotRunning or KafkaStreamsState.Error)
            {
                reached.TrySetException(new InvalidOperationException($"KafkaStreams stopped in state {current} before reaching {state}"));
            }
        }

        lock (_gate)
        {
            StateChanged += OnChange;
            Check(_state);
        }

        return reached.Task.WaitAsync(cancellationToken).ContinueWith(
            t =>
            {
                StateChanged -= OnChange;
                return t;
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
    }

    private bool TryTransition(KafkaStreamsState from, KafkaStreamsState to)
    {
        lock (_gate)
        {
            if (_state != from)
            {
                return false;
            }

            SetStateLocked(to);
            return true;
        }
    }

    private bool TryBeginShutdown()
    {
        lock (_gate)
        {
            if (_state is KafkaStreamsState.PendingShutdown or KafkaStreamsState.NotRunning or KafkaStreamsState.Error)
            {
                if (_state != KafkaStreamsState.PendingShutdown)
                {
                    _closed.TrySetResult();
                }

                return false;
            }

            SetStateLocked(KafkaStreamsState.PendingShutdown);
            return true;
        }
    }

    private void SetState(KafkaStreamsState state)
    {
        lock (_gate)
        {
            SetStateLocked(state);
        }
    }

    private void SetStateLocked(KafkaStreamsState state)
    {
        var from = _state;
        if (from == state)
        {
            return;
        }

        _state = state;
        RuntimeLog.StateChanged(_log, from, state);
        if (state == KafkaStreamsState.Running)
        {
            PublishActiveTasks();
        }

        StateChanged?.Invoke(this, new KafkaStreamsStateChangedEventArgs(from, state));
    }

    /// <summary>Running when every live thread runs its tasks; Rebalancing while any joins, restores or waits.</summary>
    private void OnThreadStateChange(StreamThread thread, StreamThreadState threadState)
    {
        lock (_gate)
        {
            if (_state is not (KafkaStreamsState.Rebalancing or KafkaStreamsState.Running))
            {
                return;
            }

            var live = _threads.Where(t => t.State != StreamThreadState.Dead).ToList();
            var running = live.Count > 0 && live.All(t => t.State == StreamThreadState.Running);
            SetStateLocked(running ? KafkaStreamsState.Running : KafkaStreamsState.Rebalancing);
        }
    }

    private void OnThreadFailure(StreamThread thread, Exception exception)
    {
        var response = _options.UncaughtExceptionHandler?.Invoke(exception) ?? StreamThreadExceptionResponse.ShutdownClient;
        lock (_gate)
        {
            _threads.Remove(thread);
            if (response == StreamThreadExceptionResponse.ReplaceThread && _state is KafkaStreamsState.Rebalancing or KafkaStreamsState.Running)
            {
                StartThread();
                return;
            }
        }

        OnGlobalFailure(exception);
    }

    private void OnGlobalFailure(Exception exception)
    {
        if (TryBeginShutdown())
        {
            _ = Task.Run(() => Shutdown(DefaultCloseTimeout, KafkaStreamsState.Error));
        }
    }
}
