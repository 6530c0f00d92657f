using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Saffu.Training.Home;

/// <summary>
/// YamlDotNet's parser, remembering where the last good event ended: some malformed inputs make the
/// scanner throw InvalidOperationException without a position, and the message still needs a line.
/// </summary>
sealed class TrackingParser(TextReader input) : IParser
{
    readonly Parser parser = new(input);

    public ParsingEvent? Current => parser.Current;

    public Mark LastGood { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        bool moved = parser.MoveNext();
        if (moved && parser.Current is { } e) LastGood = e.End;
        return moved;
    }
}
