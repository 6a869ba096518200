namespace StreamsApp.Worker.Tests;

/// <summary>Awaits a condition by polling on a PeriodicTimer (no sleeps), failing after a timeout.</summary>
internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds; <paramref name="describe"/> adds what was seen to the timeout's message.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string>? describe = null)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Condition not met within {timeout}. {describe?.Invoke()}");
            }
        }
    }
}
