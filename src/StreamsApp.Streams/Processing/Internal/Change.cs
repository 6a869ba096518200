namespace StreamsApp.Streams.Processing.Internal;

/// <summary>
/// A table update: the row's new value and, when asked for, its old value. Presence is explicit so that tables of
/// value types (counts) can still express deletes and unknown old values.
/// </summary>
internal readonly record struct Change<T>(T NewValue, bool HasNew, T OldValue, bool HasOld)
{
    /// <summary>A change whose sides are present when not null (for value types: always present).</summary>
    public static Change<T> Of(T? newValue, T? oldValue) =>
        new(newValue!, newValue is not null, oldValue!, oldValue is not null);

    /// <summary>A change with a new value and no old value.</summary>
    public static Change<T> New(T newValue) => new(newValue, true, default!, false);

    /// <summary>The same change without its old value (when downstream did not ask for old values).</summary>
    public Change<T> WithoutOld() => new(NewValue, HasNew, default!, false);

    public override string ToString() =>
        $"({(HasNew ? NewValue?.ToString() : "null")}<-{(HasOld ? OldValue?.ToString() : "null")})";
}
