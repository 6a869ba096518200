namespace StreamsApp.Contracts;

/// <summary>
/// One schema file under <c>schemas/</c>, named <c>{domain}/{Name}.avsc</c> for version 1 and
/// <c>{domain}/{Name}.v{N}.avsc</c> for version N; published versions are never edited, a change adds a file.
/// </summary>
/// <param name="Path">Path relative to <c>schemas/</c> with forward slashes, e.g. <c>orders/OrderCreated.v2.avsc</c>.</param>
/// <param name="Domain">The domain folder, e.g. <c>orders</c>.</param>
/// <param name="Name">The schema's record or enum name, e.g. <c>OrderCreated</c>.</param>
/// <param name="Version">The version, 1 for a file without a version suffix.</param>
public sealed record SchemaFile(string Path, string Domain, string Name, int Version)
{
    private const string Extension = ".avsc";
    private const string VersionMarker = ".v";

    /// <summary>Reads domain, name and version from a path such as <c>orders/OrderCreated.v2.avsc</c>.</summary>
    /// <param name="path">Path relative to <c>schemas/</c>; backslashes are accepted.</param>
    /// <returns>The parsed file name.</returns>
    /// <exception cref="FormatException">The path does not follow the naming convention.</exception>
    public static SchemaFile Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        if (slash <= 0 || !normalized.EndsWith(Extension, StringComparison.Ordinal))
        {
            throw new FormatException($"'{path}' is not a schema path of the form {{domain}}/{{Name}}[.v{{N}}].avsc.");
        }

        var stem = normalized[(slash + 1)..^Extension.Length];
        var version = 1;
        var marker = stem.LastIndexOf(VersionMarker, StringComparison.Ordinal);
        if (marker > 0)
        {
            if (!int.TryParse(stem[(marker + VersionMarker.Length)..], out version) || version < 2)
            {
                throw new FormatException($"'{path}' has a malformed version suffix; versions after the first are .v2, .v3, ...");
            }

            stem = stem[..marker];
        }

        return new SchemaFile(normalized, normalized[..slash], stem, version);
    }
}
