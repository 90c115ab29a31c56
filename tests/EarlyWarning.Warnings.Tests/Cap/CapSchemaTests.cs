using System.Text;
using System.Xml.Linq;
using EarlyWarning.Warnings.Cap;
using static EarlyWarning.Warnings.Tests.Cap.CapSchema;

namespace EarlyWarning.Warnings.Tests.Cap;

/// <summary>The validation the other tests rely on does reject what CAP 1.2 forbids.</summary>
public sealed class CapSchemaTests
{
    private static XDocument Valid() => XDocument.Load(new MemoryStream(CapSamples.Bytes(CapSamples.Raised())));

    private static byte[] Bytes(XDocument document) => XmlOutput.ToUtf8(document);

    [Fact]
    public void a_date_time_in_z_form_is_rejected()
    {
        var document = Valid();
        document.Root!.Element(CapNs + "sent")!.Value = "2026-01-30T18:50:00Z";
        Assert.NotEmpty(Errors(Bytes(document)));
    }

    [Fact]
    public void a_missing_required_element_is_rejected()
    {
        var document = Valid();
        document.Root!.Element(CapNs + "info")!.Element(CapNs + "certainty")!.Remove();
        Assert.NotEmpty(Errors(Bytes(document)));
    }

    [Fact]
    public void a_value_outside_a_vocabulary_is_rejected()
    {
        var document = Valid();
        document.Root!.Element(CapNs + "msgType")!.Value = "Resolve";
        Assert.NotEmpty(Errors(Bytes(document)));
    }

    [Fact]
    public void a_document_in_another_namespace_is_rejected()
    {
        var text = Encoding.UTF8.GetString(CapSamples.Bytes(CapSamples.Raised())).Replace(Namespace, "urn:oasis:names:tc:emergency:cap:1.1", StringComparison.Ordinal);
        Assert.NotEmpty(Errors(Encoding.UTF8.GetBytes(text)));
    }
}
