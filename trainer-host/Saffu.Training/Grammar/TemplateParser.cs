namespace Saffu.Training.Grammar;

/// <summary>
/// Recursive descent over one expression:
/// alternatives := sequence ('|' sequence)*; sequence := item*;
/// item := word | '(' alternatives ')' | '[' alternatives ']' | '{' id '}'.
/// </summary>
sealed class TemplateParser
{
    const string Special = "()[]{}|";
    readonly string text;
    readonly int column0; // column of text[0] in the file line, 1-based
    readonly Func<int, string, string, GrammarException> syntax;
    int i;

    TemplateParser(string text, int column0, Func<int, string, string, GrammarException> syntax)
    {
        this.text = text;
        this.column0 = column0;
        this.syntax = syntax;
    }

    /// <summary>Parses the whole of <paramref name="text"/>; <paramref name="syntax"/>(column, found, expected) makes the error.</summary>
    public static TemplateNode Parse(string text, int column0, Func<int, string, string, GrammarException> syntax)
    {
        var parser = new TemplateParser(text, column0, syntax);
        TemplateNode node = parser.Alternatives();
        parser.SkipSpaces();
        if (parser.i < text.Length)
            throw syntax(parser.Column, $"an unmatched '{text[parser.i]}'", "balanced ( ), [ ] and { }");
        return node;
    }

    int Column => column0 + i;

    TemplateNode Alternatives()
    {
        var alternatives = new List<TemplateNode> { Sequence() };
        while (Peek() == '|')
        {
            i++;
            alternatives.Add(Sequence());
        }
        return alternatives.Count == 1 ? alternatives[0] : new ChoiceNode(alternatives);
    }

    TemplateNode Sequence()
    {
        var items = new List<TemplateNode>();
        while (true)
        {
            char c = Peek();
            if (c is '\0' or '|' or ')' or ']') break;
            items.Add(Item());
        }
        return items.Count == 1 ? items[0] : new SequenceNode(items);
    }

    TemplateNode Item()
    {
        int start = Column;
        char c = Peek();
        if (c is '(' or '[')
        {
            i++;
            TemplateNode inner = Alternatives();
            char close = c == '(' ? ')' : ']';
            if (Peek() != close) throw syntax(start, $"'{c}' without '{close}'", $"'{close}' to close the '{c}' at column {start}");
            i++;
            if (c == '(') return inner;
            var alternatives = inner is ChoiceNode choice ? choice.Alternatives : [inner];
            return new ChoiceNode([SequenceNode.Empty, .. alternatives]);
        }
        if (c == '{')
        {
            int close = text.IndexOf('}', i);
            string id = close < 0 ? "" : text[(i + 1)..close].Trim();
            if (close < 0 || id.Length == 0 || id[0] is >= '0' and <= '9' || !id.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                throw syntax(start, close < 0 ? "'{' without '}'" : $"the list name \"{id}\"", "{name} with a list name of a-z, 0-9 and _, not starting with a digit");
            i = close + 1;
            return new ListNode(id, start);
        }
        if (c == '}') throw syntax(start, "'}' without '{'", "balanced { }");
        int begin = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && !Special.Contains(text[i])) i++;
        return new WordNode(text[begin..i]);
    }

    char Peek()
    {
        SkipSpaces();
        return i < text.Length ? text[i] : '\0';
    }

    void SkipSpaces()
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
    }
}
