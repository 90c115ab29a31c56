namespace EarlyWarning.EventStore.Sqlite;

internal static class SchemaScript
{
    public static string Load(string name)
    {
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The schema script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
