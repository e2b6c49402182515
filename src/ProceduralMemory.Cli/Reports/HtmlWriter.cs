using System.Text;

namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// Appends HTML with every piece of text escaped (markup characters, and characters no document may hold dropped),
/// so that names and conditions read from files can never become markup. Charts are inlined as SVG elements.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();
    private int _figures;

    /// <summary>Appends trusted markup as it is.</summary>
    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Appends escaped text.</summary>
    public HtmlWriter Text(string text) => Raw(SvgWriter.Escape(text));

    /// <summary>Opens <paramref name="tag"/>, with a class and an id when given.</summary>
    public HtmlWriter Open(string tag, string? cssClass = null, string? id = null)
    {
        Raw("<").Raw(tag);
        if (cssClass is not null)
            Raw(" class=\"").Text(cssClass).Raw("\"");
        if (id is not null)
            Raw(" id=\"").Text(id).Raw("\"");
        return Raw(">");
    }

    /// <summary>Closes <paramref name="tag"/>.</summary>
    public HtmlWriter Close(string tag) => Raw("</").Raw(tag).Raw(">\n");

    /// <summary>An element holding escaped text.</summary>
    public HtmlWriter Element(string tag, string text, string? cssClass = null) => Open(tag, cssClass).Text(text).Close(tag);

    /// <summary>
    /// A table; columns listed in <paramref name="numeric"/> are right-aligned. Each row gets
    /// <paramref name="rowClass"/>, so that a reader (or a test) can find them.
    /// </summary>
    public HtmlWriter Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, ISet<int> numeric, string cssClass, string? rowClass = null)
    {
        Open("table", cssClass).Raw("\n<thead><tr>");
        for (int c = 0; c < headers.Count; c++)
            Element("th", headers[c], numeric.Contains(c) ? "num" : null);
        Raw("</tr></thead>\n<tbody>\n");
        foreach (IReadOnlyList<string> row in rows)
        {
            Open("tr", rowClass);
            for (int c = 0; c < row.Count; c++)
                Element("td", row[c], numeric.Contains(c) ? "num" : null);
            Close("tr");
        }
        return Raw("</tbody>\n").Close("table");
    }

    /// <summary>The figure as an inline svg element, its ids numbered apart from the page's other figures'.</summary>
    public HtmlWriter Svg(Figure figure) => Raw(SvgRenderer.Render(figure, inline: true, idPrefix: $"figure-{++_figures}-"));

    /// <inheritdoc />
    public override string ToString() => _html.ToString();
}
