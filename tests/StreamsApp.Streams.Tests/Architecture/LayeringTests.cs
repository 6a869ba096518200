using System.Reflection;
using System.Reflection.Emit;
using StreamsApp.Streams.Runtime;

namespace StreamsApp.Streams.Tests.Architecture;

/// <summary>
/// The runtime sits on top: it drives tasks, stores and the DSL's processors, and none of them refers back to it, so
/// that the data path can be read from the processors down without the runtime's threads and clients. Checked on
/// the compiled engine: signatures, and every type, method and field its method bodies use.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] BelowRuntime = ["Processing", "State", "Dsl", "Errors", "Metrics", "Serialization", "Diagnostics"];

    [Fact]
    public void Nothing_below_the_runtime_refers_to_it()
    {
        var offending = typeof(KafkaStreams).Assembly.GetTypes()
            .Where(t => BelowRuntime.Contains(Folder(t)))
            .SelectMany(t => TypesUsedBy(t).Where(used => Folder(used) == "Runtime").Select(used => $"{t.FullName} -> {used.FullName}"))
            .Distinct()
            .Order()
            .ToList();

        Assert.True(offending.Count == 0, string.Join(Environment.NewLine, offending));
    }

    [Fact]
    public void The_check_sees_references_inside_method_bodies()
    {
        Assert.Contains(typeof(KafkaStreams), TypesUsedBy(typeof(UsesTheRuntimeInABody)));
    }

    /// <summary>The engine's top-level folder of a type: the namespace segment after <c>StreamsApp.Streams</c>.</summary>
    private static string? Folder(Type type)
    {
        var ns = (type.IsNested ? OutermostType(type) : type).Namespace;
        return ns is not null && ns.StartsWith("StreamsApp.Streams.", StringComparison.Ordinal)
            ? ns["StreamsApp.Streams.".Length..].Split('.')[0]
            : null;
    }

    private static Type OutermostType(Type type) => type.DeclaringType is { } outer ? OutermostType(outer) : type;

    private static HashSet<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !used.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var field in type.GetFields(all))
        {
            Add(field.FieldType);
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            Add((method as MethodInfo)?.ReturnType);
            foreach (var t in TypesInBody(method))
            {
                Add(t);
            }
        }

        return used;
    }

    /// <summary>The declaring types of the members, and the types, that a method's IL names through its tokens.</summary>
    private static List<Type> TypesInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var types = new List<Type>();
        for (var position = 0; position < il.Length;)
        {
            var opCode = il[position] == 0xFE ? TwoByte[il[position + 1]] : OneByte[il[position]];
            position += opCode.Size;
            if (opCode.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                types.Add(member as Type ?? member!.DeclaringType!);
            }

            position += OperandSize(opCode.OperandType, il, position);
        }

        return types;
    }

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };

    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    static LayeringTests()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var opCode = (OpCode)field.GetValue(null)!;
            if (opCode.Size == 1)
            {
                OneByte[opCode.Value & 0xFF] = opCode;
            }
            else
            {
                TwoByte[opCode.Value & 0xFF] = opCode;
            }
        }
    }

    private static class UsesTheRuntimeInABody
    {
        public static string Name() => nameof(KafkaStreams) + new object().GetHashCode() + typeof(KafkaStreams).Name;
    }
}
