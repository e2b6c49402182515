using System.Globalization;
using System.Text;
using System.Xml;

namespace ProceduralMemory.Cli.Reports;

/// <summary>Appends SVG markup with escaped text and invariant, two-decimal numbers, so output is reproducible.</summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>A coordinate with at most two decimals and never "-0".</summary>
    public static string Number(double value)
    {
        double rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes markup characters and drops characters XML 1.0 cannot hold at all (control codes, lone surrogates).</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ when XmlConvert.IsXmlChar(c) => c.ToString(),
                _ => "",
            });
        }
        return escaped.ToString();
    }

    public SvgWriter Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public SvgWriter Open(string element) => Raw("<").Raw(element);

    public SvgWriter Attr(string name, string value) => Raw(" ").Raw(name).Raw("=\"").Raw(Escape(value)).Raw("\"");

    public SvgWriter Attr(string name, double value) => Attr(name, Number(value));

    /// <summary>Closes an opened element that has children, which follow.</summary>
    public void Body() => Raw(">\n");

    /// <summary>Closes an opened element that has no content.</summary>
    public void Close() => Raw("/>\n");

    /// <summary>Closes an opened element with text content.</summary>
    public void Content(string element, string text) => Raw(">").Raw(Escape(text)).Raw("</").Raw(element).Raw(">\n");

    public void End(string element) => Raw("</").Raw(element).Raw(">\n");

    public override string ToString() => _text.ToString();
}
