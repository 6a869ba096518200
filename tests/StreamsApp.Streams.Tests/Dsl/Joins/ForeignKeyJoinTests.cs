using StreamsApp.Streams.Dsl;
using StreamsApp.Streams.Serialization;
using StreamsApp.Streams.Testing;

namespace StreamsApp.Streams.Tests.Dsl.Joins;

/// <summary>
/// Foreign-key table joins (KIP-213) through the subscription and response topics: orders (keyed by order id, value
/// "product:detail", or "-detail" for no product) joined with products (keyed by product id).
/// </summary>
public class ForeignKeyJoinTests
{
    private static readonly Consumed<string, string> Strings = Consumed.With(Serdes.String(), Serdes.String());

    internal sealed class Fixture : IDisposable
    {
        public Fixture(bool leftJoin, int orderPartitions = 1, int productPartitions = 1, Named? named = null)
        {
            var builder = new StreamsBuilder();
            var orders = builder.Table("orders", Strings);
            var products = builder.Table("products", Strings);
            Func<string, string?> productOf = order => order.StartsWith('-') ? null : order.Split(':')[0];
            Func<string, string, string> joiner = (order, product) => order + "+" + (product ?? "null");
            var joined = leftJoin
                ? orders.LeftJoin(products, productOf, joiner, named)
                : orders.Join(products, productOf, joiner, named);
            joined.ToStream().To("out", Produced.With(Serdes.String(), Serdes.String()));
            Topology = builder.Build();
            Driver = DslTestSupport.Driver(Topology, ("orders", orderPartitions), ("products", productPartitions));
            Orders = Driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());
            Products = Driver.CreateInputTopic("products", Serdes.String(), Serdes.String());
            Output = Driver.CreateOutputTopic("out", Serdes.String(), Serdes.String());
        }

        public Topology Topology { get; }

        public TopologyTestDriver Driver { get; }

        public TestInputTopic<string, string> Orders { get; }

        public TestInputTopic<string, string> Products { get; }

        public TestOutputTopic<string, string> Output { get; }

        public List<(string Key, string Value)> Read() =>
            Output.ReadKeyValuesToList().Select(kv => (kv.Key, kv.Value)).ToList();

        public void Dispose() => Driver.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Left_row_first_then_right_row_joins_when_the_right_row_arrives(bool leftJoin)
    {
        using var f = new Fixture(leftJoin);

        f.Orders.PipeInput("o1", "p1:2", 10);
        var beforeProduct = f.Read();
        f.Products.PipeInput("p1", "apple", 20);

        Assert.Equal(leftJoin ? [("o1", "p1:2+null")] : [], beforeProduct);
        Assert.Equal([("o1", "p1:2+apple")], f.Read());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Right_row_first_then_left_row_joins_when_the_left_row_arrives(bool leftJoin)
    {
        using var f = new Fixture(leftJoin);

        f.Products.PipeInput("p1", "apple", 10);
        var beforeOrder = f.Read();
        f.Orders.PipeInput("o1", "p1:2", 20);

        Assert.Empty(beforeOrder);
        Assert.Equal([("o1", "p1:2+apple")], f.Read());
    }

    [Fact]
    public void Right_row_update_fans_out_to_every_subscribed_left_row_only()
    {
        using var f = new Fixture(leftJoin: false);
        f.Orders.PipeInput("o1", "p1:1");
        f.Orders.PipeInput("o2", "p1:2");
        f.Orders.PipeInput("o3", "p2:3");
        f.Products.PipeInput("p1", "apple");
        f.Products.PipeInput("p2", "pear");
        f.Read();

        f.Products.PipeInput("p1", "green apple");

        Assert.Equal(
            [("o1", "p1:1+green apple"), ("o2", "p1:2+green apple")],
            f.Read().OrderBy(r => r.Key).ToList());
    }

    [Fact]
    public void Left_row_changing_its_foreign_key_leaves_the_old_right_row_and_joins_the_new_one()
    {
        using var f = new Fixture(leftJoin: false);
        f.Products.PipeInput("p1", "apple");
        f.Products.PipeInput("p2", "pear");
        f.Orders.PipeInput("o1", "p1:1");
        f.Read();

        f.Orders.PipeInput("o1", "p2:1");
        var moved = f.Read();
        f.Products.PipeInput("p1", "green apple");

        Assert.Equal([("o1", "p2:1+pear")], moved);
        Assert.Empty(f.Read());
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "p3:1+null")]
    public void Left_row_moving_to_a_foreign_key_without_a_row_retracts_the_old_result(bool leftJoin, string? expected)
    {
        using var f = new Fixture(leftJoin);
        f.Products.PipeInput("p1", "apple");
        f.Orders.PipeInput("o1", "p1:1");
        f.Read();

        f.Orders.PipeInput("o1", "p3:1");

        Assert.Equal([("o1", expected!)], f.Read());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Left_row_delete_gives_a_tombstone_and_unsubscribes(bool leftJoin)
    {
        using var f = new Fixture(leftJoin);
        f.Products.PipeInput("p1", "apple");
        f.Orders.PipeInput("o1", "p1:1");
        f.Read();

        f.Orders.PipeInput("o1", null!);
        var deleted = f.Read();
        f.Products.PipeInput("p1", "green apple");

        Assert.Equal([("o1", (string)null!)], deleted);
        Assert.Empty(f.Read());
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "p1:1+null")]
    public void Right_row_delete_gives_a_tombstone_for_inner_and_the_left_row_alone_for_left_join(bool leftJoin, string? expected)
    {
        using var f = new Fixture(leftJoin);
        f.Products.PipeInput("p1", "apple");
        f.Orders.PipeInput("o1", "p1:1");
        f.Read();

        f.Products.PipeInput("p1", null!);

        Assert.Equal([("o1", expected!)], f.Read());
    }

    [Fact]
    public void Null_foreign_key_is_dropped_by_inner_join_and_retracts_a_previous_result()
    {
        using var f = new Fixture(leftJoin: false);
        f.Products.PipeInput("p1", "apple");

        f.Orders.PipeInput("o1", "-none");
        var unjoined = f.Read();
        f.Orders.PipeInput("o2", "p1:1");
        f.Orders.PipeInput("o2", "-gone");

        Assert.Empty(unjoined);
        Assert.Equal([("o2", "p1:1+apple"), ("o2", (string)null!)], f.Read());

        // As Kafka Streams counts them: o1, which never had a foreign key; not o2, whose change retracted a result.
        Assert.Equal(1, f.Driver.DroppedRecords());
    }

    [Fact]
    public void Null_foreign_key_is_joined_with_null_by_left_join()
    {
        using var f = new Fixture(leftJoin: true);
        f.Products.PipeInput("p1", "apple");

        f.Orders.PipeInput("o1", "-none");
        f.Orders.PipeInput("o1", "-still none");
        f.Orders.PipeInput("o1", "p1:1");
        f.Orders.PipeInput("o1", "-none again");
        f.Orders.PipeInput("o1", null!);

        Assert.Equal(
            [("o1", "-none+null"), ("o1", "-still none+null"), ("o1", "p1:1+apple"), ("o1", "-none again+null"), ("o1", (string)null!)],
            f.Read());
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(2, 3)]
    public void Tables_with_different_partition_counts_join_correctly(int orderPartitions, int productPartitions)
    {
        using var f = new Fixture(leftJoin: false, orderPartitions, productPartitions);
        var products = Enumerable.Range(0, 10).Select(i => "p" + i).ToList();
        foreach (var product in products)
        {
            f.Products.PipeInput(product, "name" + product);
        }

        for (var i = 0; i < 30; i++)
        {
            f.Orders.PipeInput("o" + i, products[i % 10] + ":" + i);
        }

        var joined = f.Read().ToDictionary(r => r.Key, r => r.Value);
        f.Products.PipeInput("p3", "renamed");
        var renamed = f.Read().OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

        Assert.Equal(30, joined.Count);
        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal($"p{i % 10}:{i}+namep{i % 10}", joined["o" + i]));
        Assert.Equal([("o13", "p3:13+renamed"), ("o23", "p3:23+renamed"), ("o3", "p3:3+renamed")], renamed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_a_cache_deleting_a_left_row_that_had_no_result_still_gives_a_tombstone(bool materialized)
    {
        // Kafka Streams' result node (a KTableSource, materialized or not) forwards every response, tombstones of keys
        // without a result included; only a cache holds those back.
        var builder = new StreamsBuilder();
        var orders = builder.Table("orders", Strings);
        var products = builder.Table("products", Strings);
        orders.Join(
                products, order => order.Split(':')[0], (order, product) => order + "+" + product,
                materialized: materialized ? Materialized.As<string, string>("joined") : null)
            .ToStream()
            .To("out", Produced.With(Serdes.String(), Serdes.String()));
        using var driver = new TopologyTestDriver(builder.Build(), DslTestSupport.Uncached());
        var orderInput = driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());

        orderInput.PipeInput("o1", "p1:1", 10);
        orderInput.PipeInput("o1", null!, 20);

        Assert.Equal([("o1", null!, 20L)], driver.CreateOutputTopic("out", Serdes.String(), Serdes.String()).ReadAll());
    }

    [Fact]
    public void Regrouping_the_unmaterialized_result_subtracts_old_rows()
    {
        var builder = new StreamsBuilder();
        var orders = builder.Table("orders", Strings);
        var products = builder.Table("products", Strings);
        orders.Join(products, order => order.Split(':')[0], (_, product) => product)
            .GroupBy((order, product) => new KeyValue<string, string>(product, order), Grouped.With(Serdes.String(), Serdes.String()))
            .Count()
            .ToStream()
            .To("counts", Produced.With(Serdes.String(), Serdes.Int64()));
        using var driver = new TopologyTestDriver(builder.Build());
        var orderInput = driver.CreateInputTopic("orders", Serdes.String(), Serdes.String());
        var productInput = driver.CreateInputTopic("products", Serdes.String(), Serdes.String());
        var counts = driver.CreateOutputTopic("counts", Serdes.String(), Serdes.Int64());
        productInput.PipeInput("p1", "apple");
        orderInput.PipeInput("o1", "p1:1");
        orderInput.PipeInput("o2", "p1:2");

        productInput.PipeInput("p1", "pear");

        Assert.Equal(
            new Dictionary<string, long> { ["apple"] = 0, ["pear"] = 2 },
            counts.ReadKeyValuesToMap());
    }
}
