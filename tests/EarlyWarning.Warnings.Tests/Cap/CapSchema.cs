using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace EarlyWarning.Warnings.Tests.Cap;

/// <summary>The OASIS CAP 1.2 schema, and validation of documents as a recipient would read them: from their bytes.</summary>
public static class CapSchema
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    public static readonly XNamespace CapNs = Namespace;

    private static readonly XmlSchemaSet Schemas = Load();

    /// <summary>Every schema error and warning; a document in another namespace only warns, so warnings count too.</summary>
    public static IReadOnlyList<string> Errors(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    /// <summary>Parses the bytes (failing if they are not well-formed XML) and asserts they are a valid CAP 1.2 alert.</summary>
    public static XDocument AssertValid(byte[] xml, string? what = null)
    {
        var document = XDocument.Load(new MemoryStream(xml));
        Assert.Equal(CapNs + "alert", document.Root!.Name);
        var errors = Errors(xml);
        Assert.True(errors.Count == 0, $"{what ?? "the document"} is not valid CAP 1.2:\n{string.Join("\n", errors)}\n{System.Text.Encoding.UTF8.GetString(xml)}");
        return document;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Cap", "CAP-v1.2.xsd"));
        set.Add(Namespace, reader);
        set.Compile();
        return set;
    }
}
