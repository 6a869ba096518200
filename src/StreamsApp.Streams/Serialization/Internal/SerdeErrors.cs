using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamsApp.Streams.Errors;

namespace StreamsApp.Streams.Serialization.Internal;

/// <summary>The fixed-size check shared by the numeric and Guid serdes, and the builders of <see cref="SerdeException"/> (failure path only).</summary>
internal static class SerdeErrors
{
    /// <summary>Throws unless <paramref name="data"/> is non-null and exactly <paramref name="size"/> bytes long.</summary>
    public static void CheckFixedSize<T>(ReadOnlySpan<byte> data, bool isNull, int size, in SerializationContext context)
    {
        if (isNull)
        {
            ThrowNullBytes(context, typeof(T), "Serdes." + typeof(T).Name + "()");
        }

        if (data.Length != size)
        {
            ThrowWrongSize(context, typeof(T), size, data.Length);
        }
    }

    /// <summary>Null bytes for a type that cannot be null; suggests wrapping the serde in Serdes.Nullable.</summary>
    [DoesNotReturn]
    public static void ThrowNullBytes(in SerializationContext context, Type type, string serdeExpression) =>
        throw Deserializing(
            context,
            type,
            "got null bytes (a tombstone or missing " + ComponentName(context) + "), but " + DisplayName(type)
                + " cannot be null; use Serdes.Nullable(" + serdeExpression + ") to read them as null",
            innerException: null);

    [DoesNotReturn]
    private static void ThrowWrongSize(in SerializationContext context, Type type, int expected, int actual) =>
        throw Deserializing(
            context,
            type,
            string.Create(CultureInfo.InvariantCulture, $"expected {expected} bytes, got {actual}"),
            innerException: null);

    /// <summary>An error while reading bytes: "Cannot deserialize value of topic 'orders' as Int64: reason".</summary>
    public static SerdeException Deserializing(
        in SerializationContext context, Type type, string reason, Exception? innerException) =>
        Create("Cannot deserialize ", " of topic '", context, type, reason, innerException);

    /// <summary>An error while writing bytes: "Cannot serialize value for topic 'orders' as String: reason".</summary>
    public static SerdeException Serializing(
        in SerializationContext context, Type type, string reason, Exception? innerException) =>
        Create("Cannot serialize ", " for topic '", context, type, reason, innerException);

    /// <summary>A readable type name: Int64, OrderCreated, List&lt;String&gt;, Int32?.</summary>
    public static string DisplayName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return DisplayName(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = new StringBuilder(type.Name, 0, type.Name.IndexOf('`', StringComparison.Ordinal), 64);
        var arguments = type.GetGenericArguments();
        name.Append('<');
        for (int i = 0; i < arguments.Length; i++)
        {
            name.Append(i == 0 ? string.Empty : ", ").Append(DisplayName(arguments[i]));
        }

        return name.Append('>').ToString();
    }

    private static SerdeException Create(
        string verb,
        string preposition,
        in SerializationContext context,
        Type type,
        string reason,
        Exception? innerException)
    {
        var message = verb + ComponentName(context) + preposition + (context.Topic ?? "(unknown)") + "' as "
            + DisplayName(type) + ": " + reason;
        return innerException is null
            ? new SerdeException(message, context.Topic, context.Component, type)
            : new SerdeException(message, context.Topic, context.Component, type, innerException);
    }

    private static string ComponentName(in SerializationContext context) =>
        context.Component == MessageComponentType.Key ? "key" : "value";
}
