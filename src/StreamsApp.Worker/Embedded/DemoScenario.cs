namespace StreamsApp.Worker.Embedded;

/// <summary>What a demo order is meant to show.</summary>
internal enum DemoScenario
{
    /// <summary>A good order: the saga completes.</summary>
    Completes,

    /// <summary>The inventory fails it: <c>unknown product</c>.</summary>
    UnknownProduct,

    /// <summary>The inventory fails it: <c>insufficient stock</c>.</summary>
    InsufficientStock,

    /// <summary>The payment fails it: <c>insufficient credit</c>.</summary>
    InsufficientCredit,

    /// <summary>The shipping fails it: <c>country AQ is not served</c>.</summary>
    UnservableCountry,

    /// <summary>The intake rejects it (its total is wrong) and dead-letters it.</summary>
    Invalid,
}
