using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using StreamsApp.Contracts.Generator;

namespace StreamsApp.Topologies.Tests.Contracts;

/// <summary>The generator on schema files of its own: what it makes of versions, envelopes, and a schema it cannot map.</summary>
public sealed class ContractGeneratorTests
{
    private const string ThingV1 = """
        {"type": "record", "name": "Thing", "namespace": "Demo.Contracts.Things", "doc": "A thing.",
         "fields": [{"name": "name", "doc": "Its name.", "type": "string"}]}
        """;

    private const string ThingV2 = """
        {"type": "record", "name": "Thing", "namespace": "Demo.Contracts.Things", "doc": "A thing & more.",
         "fields": [{"name": "name", "doc": "Its name.", "type": "string"},
                    {"name": "weight", "doc": "Grams.", "type": "long", "default": 0},
                    {"name": "seenAt", "doc": "Last seen.", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null}]}
        """;

    [Fact]
    public void A_type_follows_the_highest_version_of_its_schema_field_by_field()
    {
        var (sources, diagnostics) = Run(("things/Thing.avsc", ThingV1), ("things/Thing.v2.avsc", ThingV2));

        Assert.Empty(diagnostics);
        var thing = Assert.Single(sources);
        Assert.Contains("From schemas/things/Thing.v2.avsc", thing, StringComparison.Ordinal);
        Assert.Contains("/// <summary>A thing &amp; more.</summary>", thing, StringComparison.Ordinal);
        Assert.Contains("public long Weight { get; set; }", thing, StringComparison.Ordinal);
        Assert.Contains("public global::System.DateTimeOffset? SeenAt { get; set; }", thing, StringComparison.Ordinal);
        Assert.Contains("2 => SeenAt is { } present ? global::StreamsApp.Contracts.AvroValues.ToTimestamp(present) : null,", thing, StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelopes_messages_implement_its_interface()
    {
        const string envelope = """
            {"type": "record", "name": "ThingCommand", "namespace": "Demo.Contracts.Things", "doc": "Value of things.commands.",
             "fields": [{"name": "message", "doc": "The message.", "type": [
               {"type": "record", "name": "Paint", "doc": "Paint it.", "fields": [
                 {"name": "messageId", "type": "string"}, {"name": "sagaId", "type": "string"}, {"name": "orderId", "type": "string"},
                 {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}]},
               "Demo.Contracts.Things.Thing"]}]}
            """;
        const string paint = """
            {"type": "record", "name": "Paint", "namespace": "Demo.Contracts.Things", "doc": "Paint it.", "fields": [
              {"name": "messageId", "type": "string"}, {"name": "sagaId", "type": "string"}, {"name": "orderId", "type": "string"},
              {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}
            """;

        var (sources, diagnostics) = Run(("things/Thing.avsc", ThingV1), ("things/ThingCommand.avsc", envelope), ("things/Paint.avsc", paint));

        Assert.Empty(diagnostics);
        Assert.Contains(sources, source => source.Contains("public partial interface IThingCommand : global::Avro.Specific.ISpecificRecord", StringComparison.Ordinal));
        Assert.Contains(sources, source => source.Contains(
            "public sealed partial class Paint : global::Avro.Specific.ISpecificRecord, global::Demo.Contracts.Things.IThingCommand, global::StreamsApp.Contracts.ISagaMessage",
            StringComparison.Ordinal));
        Assert.Contains(sources, source => source.Contains(
            "public sealed partial class Thing : global::Avro.Specific.ISpecificRecord, global::Demo.Contracts.Things.IThingCommand", StringComparison.Ordinal));
    }

    [Fact]
    public void A_schema_it_cannot_map_is_a_build_error_naming_the_file()
    {
        const string bad = """
            {"type": "record", "name": "Odd", "namespace": "Demo.Contracts.Things",
             "fields": [{"name": "either", "type": ["string", "long"]}]}
            """;

        var (_, diagnostics) = Run(("things/Odd.avsc", bad));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("SACG001", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Contains("things/Odd.avsc", error.GetMessage(), StringComparison.Ordinal);
    }

    private static (IReadOnlyList<string> Sources, ImmutableArray<Diagnostic> Diagnostics) Run(params (string Path, string Text)[] files)
    {
        var driver = CSharpGeneratorDriver.Create(new ContractGenerator())
            .AddAdditionalTexts([.. files.Select(file => (AdditionalText)new SchemaText("/repo/schemas/" + file.Path, file.Text))])
            .RunGenerators(CSharpCompilation.Create("contracts"));
        var result = driver.GetRunResult().Results.Single();
        return ([.. result.GeneratedSources.Select(source => source.SourceText.ToString())], result.Diagnostics);
    }

    private sealed class SchemaText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
