namespace EarlyWarning.EventStore.Postgres;

internal static class SchemaScript
{
    public static string Load(string name, string schema)
    {
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The schema script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{schema}", schema, StringComparison.Ordinal);
    }
}
