using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EarlyWarning.Warnings.Cap;

/// <summary>XML documents as UTF-8 bytes, for answers whose declaration must say the encoding they are in.</summary>
internal static class XmlOutput
{
    // A StringWriter would declare utf-16 while the response goes out as UTF-8.
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public static byte[] ToUtf8(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
            document.Save(writer);
        return buffer.ToArray();
    }
}
