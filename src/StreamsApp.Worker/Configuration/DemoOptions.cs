namespace StreamsApp.Worker.Configuration;

/// <summary>Demo data and traffic (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>Seed demo customers, products and stock and generate orders; unset means "only on the embedded cluster".</summary>
    public bool? Enabled { get; set; }

    /// <summary>Demo orders generated per second; 0 seeds the data but generates no orders (default 2).</summary>
    public double OrdersPerSecond { get; set; } = 2;
}
