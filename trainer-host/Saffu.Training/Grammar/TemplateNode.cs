namespace Saffu.Training.Grammar;

/// <summary>A parsed template expression (docs/grammar.md §2).</summary>
public abstract record TemplateNode;

/// <summary>One word, said as written.</summary>
public sealed record WordNode(string Word) : TemplateNode;

/// <summary>Items said one after the other (an empty sequence says nothing).</summary>
public sealed record SequenceNode(IReadOnlyList<TemplateNode> Items) : TemplateNode
{
    public static readonly SequenceNode Empty = new([]);
}

/// <summary>One of the alternatives; `[x]` is a choice between x and <see cref="SequenceNode.Empty"/>.</summary>
public sealed record ChoiceNode(IReadOnlyList<TemplateNode> Alternatives) : TemplateNode;

/// <summary>A `{list}` reference; <paramref name="Column"/> is 1-based, for messages.</summary>
public sealed record ListNode(string Id, int Column) : TemplateNode;
