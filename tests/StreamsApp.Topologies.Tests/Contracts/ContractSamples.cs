using System.Collections;
using Avro.Specific;

namespace StreamsApp.Topologies.Tests.Contracts;

/// <summary>
/// Builds contract instances with every property set to a distinct non-default value, so a field that is not
/// written, not read, or read into the wrong property shows up as a difference after a round trip.
/// </summary>
internal sealed class ContractSamples
{
    private int _next = 1;

    /// <param name="messageTypes">For envelopes: the message type to put in the union, by interface.</param>
    public ISpecificRecord Filled(Type recordType, IReadOnlyDictionary<Type, Type>? messageTypes = null)
    {
        var record = (ISpecificRecord)Activator.CreateInstance(recordType)!;
        foreach (var property in recordType.GetProperties().Where(property => property.CanWrite))
        {
            property.SetValue(record, Value(property.PropertyType, property.Name, messageTypes));
        }

        return record;
    }

    private object Value(Type type, string name, IReadOnlyDictionary<Type, Type>? messageTypes)
    {
        var n = _next++;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return $"{name}-{n}";
        if (type == typeof(int)) return n;
        if (type == typeof(bool)) return true; // the default is false
        if (type == typeof(long)) return 1_000_000_000_000L + n;
        if (type == typeof(decimal)) return n + 0.0125m;
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.FromUnixTimeMilliseconds(1_763_000_000_000 + n);
        if (type.IsEnum)
        {
            // Skip the first member: it is the default, which a dropped field would also produce.
            var members = Enum.GetValues(type);
            return members.GetValue(1 + (n % (members.Length - 1)))!;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            list.Add(Value(itemType, name, messageTypes));
            list.Add(Value(itemType, name, messageTypes));
            return list;
        }

        if (type.IsInterface)
        {
            var messageType = messageTypes?.GetValueOrDefault(type) ?? ContractTypes.Implementations(type)[0];
            return Filled(messageType, messageTypes);
        }

        return Filled(type, messageTypes);
    }
}
