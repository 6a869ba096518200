using System.Collections;
using System.ComponentModel;
using System.Reflection;

namespace StreamsApp.Worker.Configuration;

/// <summary>
/// One setting or section of the worker's configuration as the configuration binder sees <see cref="WorkerOptions"/>:
/// a section's keys are its type's properties (case-insensitive), a value converts from a string (numbers, flags,
/// enums, time spans), and a dictionary (<c>Kafka:Properties</c>) takes any key below it. Properties the binder
/// cannot set (computed ones, interfaces such as the exception handlers) are not settings.
/// </summary>
internal sealed class SettingNode
{
    private readonly Lazy<Dictionary<string, SettingNode>> _children;

    private SettingNode(Type type)
    {
        IsNullable = Nullable.GetUnderlyingType(type) is not null;
        Type = Nullable.GetUnderlyingType(type) ?? type;
        IsValue = TypeDescriptor.GetConverter(Type).CanConvertFrom(typeof(string));
        IsFreeForm = !IsValue && typeof(IEnumerable).IsAssignableFrom(Type);
        _children = new(() => IsValue || IsFreeForm ? new(StringComparer.OrdinalIgnoreCase) : Properties(Type));
    }

    /// <summary>The worker's whole configuration.</summary>
    public static SettingNode Root { get; } = new(typeof(WorkerOptions));

    /// <summary>The setting's type (a nullable one's underlying type).</summary>
    public Type Type { get; }

    /// <summary>Whether the setting may be left empty (a nullable value: <c>Demo:Enabled</c>, <c>Kafka:Mode</c>).</summary>
    public bool IsNullable { get; }

    /// <summary>Whether this is a single value, converted from its string.</summary>
    public bool IsValue { get; }

    /// <summary>Whether any key below this one is accepted (a dictionary of pass-through properties).</summary>
    public bool IsFreeForm { get; }

    /// <summary>The names of the settings below this section.</summary>
    public IEnumerable<string> ChildNames => _children.Value.Keys;

    /// <summary>The setting <paramref name="name"/> below this section, or null when there is none.</summary>
    public SettingNode? Child(string name) => _children.Value.GetValueOrDefault(name);

    /// <summary>The setting at <paramref name="key"/> (<c>Streams:ProcessingGuarantee</c>), or null when there is none.</summary>
    public SettingNode? Find(string key)
    {
        var node = this;
        foreach (var name in key.Split(':'))
        {
            if (node.IsFreeForm)
            {
                return null;
            }

            node = node.Child(name);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static Dictionary<string, SettingNode> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Select(p => (p.Name, Node: new SettingNode(p.PropertyType), Settable: p.SetMethod is { IsPublic: true }))
            // A value needs a setter; a section is bound into the instance its getter returns.
            .Where(p => p.Node.IsValue ? p.Settable : !p.Node.Type.IsInterface && !p.Node.Type.IsAbstract)
            .ToDictionary(p => p.Name, p => p.Node, StringComparer.OrdinalIgnoreCase);
}
