using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace StreamsApp.Contracts.Generator;

/// <summary>
/// Generates the contract types from the <c>.avsc</c> files a project lists as <c>AdditionalFiles</c>
/// (<c>schemas/{domain}/{Name}[.vN].avsc</c>): one type per schema name, following its highest version, so a type
/// cannot drift from its schema. A schema it cannot map is a build error naming the file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractGenerator : IIncrementalGenerator
{
    private static readonly DiagnosticDescriptor Unmappable = new(
        "SACG001", "Schema not mapped to C#", "{0}", "StreamsApp.Contracts", DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemas = context.AdditionalTextsProvider
            .Where(file => file.Path.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase))
            .Select((file, cancellationToken) => (Path: SchemaPath(file.Path), Text: file.GetText(cancellationToken)?.ToString() ?? ""))
            .Collect();
        context.RegisterSourceOutput(schemas, Generate);
    }

    private static void Generate(SourceProductionContext context, ImmutableArray<(string Path, string Text)> files)
    {
        ContractCatalog catalog;
        try
        {
            catalog = new ContractCatalog(files);
        }
        catch (FormatException e)
        {
            context.ReportDiagnostic(Diagnostic.Create(Unmappable, Location.None, e.Message));
            return;
        }

        var emitter = new ContractEmitter(catalog);
        foreach (var schema in catalog.Types)
        {
            try
            {
                var text = files.First(file => file.Path == schema.File).Text;
                context.AddSource(schema.FullName + ".g.cs", emitter.Emit(schema, text));
            }
            catch (FormatException e)
            {
                context.ReportDiagnostic(Diagnostic.Create(Unmappable, Location.None, e.Message));
            }
        }
    }

    // The domain folder and the file name, as the schemas' own convention names them (e.g. saga/SagaState.v3.avsc).
    private static string SchemaPath(string path) =>
        Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path);
}
