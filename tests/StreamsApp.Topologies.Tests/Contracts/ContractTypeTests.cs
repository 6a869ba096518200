using Avro;
using Avro.Specific;
using StreamsApp.Contracts;
using StreamsApp.Contracts.Common;
using StreamsApp.Contracts.Orders;

namespace StreamsApp.Topologies.Tests.Contracts;

public class ContractTypeTests
{
    public static TheoryData<string> RecordTypes() => new(ContractTypes.Records.Select(type => type.Name));

    public static TheoryData<string> EnumTypes() => new(ContractTypes.Enums.Select(type => type.Name));

    public static TheoryData<string, string> EnvelopeMessages()
    {
        var data = new TheoryData<string, string>();
        foreach (var (envelope, message) in ContractTypes.Envelopes
            .SelectMany(envelope => ContractTypes.Implementations(envelope.GetProperty("Message")!.PropertyType)
                .Select(message => (envelope.Name, message.Name))))
        {
            data.Add(envelope, message);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void SchemaIsTheCurrentVersionOfItsFileAndNamesTheType(string name)
    {
        var type = ContractTypes.Named(name);
        var schema = ((ISpecificRecord)Activator.CreateInstance(type)!).Schema;
        var file = SchemaDirectory.Load(ContractSchemas.CurrentFile(type));

        Assert.Equal(SchemaNormalization.ToParsingForm(file), SchemaNormalization.ToParsingForm(schema));
        // The parsing canonical form drops logical types and defaults; the full form keeps them.
        Assert.Equal(file.ToString(), schema.ToString());
        // Apache.Avro's reader creates records by the schema's full name.
        Assert.Equal(type.FullName, ((RecordSchema)schema).Fullname);
    }

    [Fact]
    public void EverySchemaHasAContractType()
    {
        var typed = ContractTypes.Records.Concat(ContractTypes.Enums).Select(ContractSchemas.CurrentFile).ToHashSet();
        var current = SchemaDirectory.Families().Select(family => family[^1]);

        Assert.Empty(current.Where(file => !typed.Contains(file)).Select(file => file.Path));
    }

    [Theory]
    [MemberData(nameof(EnumTypes))]
    public void EnumMembersAreTheSymbolsInOrder(string name)
    {
        var type = ContractTypes.Named(name);
        var schema = (EnumSchema)SchemaDirectory.Load(ContractSchemas.CurrentFile(type));

        Assert.Equal(type.FullName, schema.Fullname);
        Assert.Equal(schema.Symbols, Enum.GetNames(type));
        // The reader hands over the symbol's ordinal, which becomes the member with that value.
        Assert.Equal(Enumerable.Range(0, schema.Symbols.Count), Enum.GetValuesAsUnderlyingType(type).Cast<int>());
    }

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void EveryFieldSurvivesAvroBinaryEncoding(string name)
    {
        var record = new ContractSamples().Filled(ContractTypes.Named(name));

        var bytes = AvroBinary.WriteSpecific(record, record.Schema);
        var read = AvroBinary.ReadSpecific<ISpecificRecord>(bytes, record.Schema, record.Schema);

        ContractAssert.Equivalent(record, read);
        Assert.Equal(bytes, AvroBinary.WriteSpecific(read, read.Schema));
    }

    [Theory]
    [MemberData(nameof(EnvelopeMessages))]
    public void EnvelopesCarryEachOfTheirMessageTypes(string envelopeName, string messageName)
    {
        var envelopeType = ContractTypes.Named(envelopeName);
        var messageType = ContractTypes.Named(messageName);
        var messageInterface = envelopeType.GetProperty("Message")!.PropertyType;
        var envelope = new ContractSamples().Filled(envelopeType, new Dictionary<Type, Type> { [messageInterface] = messageType });

        var read = AvroBinary.ReadSpecific<ISpecificRecord>(
            AvroBinary.WriteSpecific(envelope, envelope.Schema), envelope.Schema, envelope.Schema);

        Assert.IsType(messageType, envelopeType.GetProperty("Message")!.GetValue(read));
        ContractAssert.Equivalent(envelope, read);
    }

    [Fact]
    public void AmountsKeepTheirValueAndAmountsFinerThanTheSchemaAreRejected()
    {
        var item = new OrderItem { ProductId = "p-1", Quantity = 1, Price = 19.99m };
        var read = AvroBinary.ReadSpecific<OrderItem>(AvroBinary.WriteSpecific(item, item.Schema), item.Schema, item.Schema);
        Assert.Equal(19.99m, read.Price);

        item.Price = 0.00001m;
        Assert.Throws<ArgumentException>(() => AvroBinary.WriteSpecific(item, item.Schema));
    }

    [Fact]
    public void TimestampsAreUtcAtMillisecondPrecision()
    {
        var order = new OrderCreated { Timestamp = new DateTimeOffset(2026, 11, 23, 8, 30, 15, 123, TimeSpan.FromHours(2)) };
        order.Items = [new OrderItem()];

        var read = AvroBinary.ReadSpecific<OrderCreated>(AvroBinary.WriteSpecific(order, order.Schema), order.Schema, order.Schema);

        Assert.Equal(order.Timestamp, read.Timestamp);
        Assert.Equal(TimeSpan.Zero, read.Timestamp.Offset);
    }

    [Fact]
    public void PositionsOutsideTheSchemaAreRejected()
    {
        var address = new Address();

        Assert.Throws<AvroRuntimeException>(() => address.Get(((RecordSchema)address.Schema).Count));
        Assert.Throws<AvroRuntimeException>(() => address.Put(-1, "x"));
    }
}
