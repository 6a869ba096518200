using System.Text.Json.Nodes;
using Avro;
using Avro.Generic;
using StreamsApp.Contracts.Orders;
using StreamsApp.Streams.Avro;
using Compatibility = Confluent.SchemaRegistry.Compatibility;

namespace StreamsApp.Topologies.Tests.Contracts;

public class SchemaEvolutionTests
{
    private static readonly Schema V1 = SchemaDirectory.Load("orders/OrderCreated.avsc");
    private static readonly Schema V2 = SchemaDirectory.Load("orders/OrderCreated.v2.avsc");

    public static TheoryData<string> EvolvedFiles() => new(
        SchemaDirectory.Families().Where(family => family.Count > 1).SelectMany(family => family.Skip(1)).Select(file => file.Path));

    [Fact]
    public void AV1ReaderReadsV2DataAndIgnoresTheNewField()
    {
        var order = Order(couponCode: "WELCOME10");

        var v1 = AvroBinary.ReadGeneric(AvroBinary.WriteSpecific(order, V2), V2, V1);

        Assert.False(v1.TryGetValue("couponCode", out _));
        Assert.Equal(order.OrderId, v1["orderId"]);
        Assert.Equal(order.Items.Count, ((object[])v1["items"]).Length);
    }

    [Fact]
    public void AV2ReaderReadsV1DataAndTheNewFieldTakesItsDefault()
    {
        var order = Order(couponCode: "WELCOME10");
        // The v1 bytes come from a v1 record: the v2 data read as v1 and written again with the v1 schema.
        var v1Record = AvroBinary.ReadGeneric(AvroBinary.WriteSpecific(order, V2), V2, V1);

        var read = AvroBinary.ReadSpecific<OrderCreated>(AvroBinary.WriteGeneric(v1Record), V1, V2);

        Assert.Null(read.CouponCode);
        order.CouponCode = null;
        ContractAssert.Equivalent(order, read);
    }

    [Fact]
    public void AddingAnOptionalFieldWithADefaultIsFullyCompatible() =>
        Assert.Empty(AvroCompatibility.Check(Compatibility.FullTransitive, V2, [V1]));

    [Fact]
    public void ANewFieldWithoutDefaultIsRejectedAndOldDataCannotBeRead()
    {
        var candidate = Changed(V2, fields => fields.Add(new JsonObject { ["name"] = "loyaltyTier", ["type"] = "string" }));

        var incompatibilities = AvroCompatibility.Check(Compatibility.Backward, candidate, [V1, V2]);

        Assert.Contains(incompatibilities, incompatibility => incompatibility.ToString().Contains("loyaltyTier", StringComparison.Ordinal));
        // The checker agrees with Apache.Avro's own resolution: the new reader fails on old data.
        var v2Bytes = AvroBinary.WriteSpecific(Order(couponCode: null), V2);
        Assert.ThrowsAny<AvroException>(() => AvroBinary.ReadGeneric(v2Bytes, V2, candidate));
    }

    [Fact]
    public void ChangingAFieldFromStringToIntIsRejected()
    {
        var candidate = Changed(V2, fields => fields.Single(field => (string?)field!["name"] == "customerId")!["type"] = "int");

        var incompatibilities = AvroCompatibility.Check(Compatibility.Backward, candidate, [V1, V2]);

        Assert.Contains(incompatibilities, incompatibility => incompatibility.ToString().Contains("customerId", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSchemasFolderHoldsAnEvolvedSchema() => Assert.NotEmpty(EvolvedFiles());

    [Theory]
    [MemberData(nameof(EvolvedFiles))]
    public void EveryEvolvedSchemaIsBackwardTransitiveCompatibleWithItsEarlierVersions(string path)
    {
        var family = SchemaDirectory.Families().Single(versions => versions.Any(file => file.Path == path));
        var index = family.Select(file => file.Path).ToList().IndexOf(path);

        // Versions are numbered without gaps, so "earlier versions" is every file before this one.
        Assert.Equal(Enumerable.Range(1, family.Count), family.Select(file => file.Version));
        var earlier = family.Take(index).Select(SchemaDirectory.Load).ToArray();
        Assert.Empty(AvroCompatibility.Check(Compatibility.BackwardTransitive, SchemaDirectory.Load(family[index]), earlier));
    }

    private static OrderCreated Order(string? couponCode)
    {
        var order = (OrderCreated)new ContractSamples().Filled(typeof(OrderCreated));
        order.CouponCode = couponCode;
        return order;
    }

    private static Schema Changed(Schema schema, Action<JsonArray> change)
    {
        var json = JsonNode.Parse(schema.ToString())!;
        change(json["fields"]!.AsArray());
        return Schema.Parse(json.ToJsonString());
    }
}
