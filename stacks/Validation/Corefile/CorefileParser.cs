namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>
/// Reads Corefile text into a <see cref="CorefileDocument"/> and reports, by line, everything CoreDNS would
/// refuse or silently misread. It is stricter than CoreDNS in one way on purpose: a block always opens with
/// '{' ending its line and closes with '}' alone on its line. CoreDNS crash-looped on
/// <c>health { lameduck 5s }</c> written on one line; here that is an error naming the line and the fix.
/// Server blocks contain plugins; a plugin's block contains property lines, never another block.
/// </summary>
public sealed class CorefileParser
{
    private const string ServerBlockExample = "e.g. 'example.org:53 {'";

    private readonly List<CorefileError> _errors = [];
    private readonly List<CorefileServerBlock> _blocks = [];
    private readonly Stack<Frame> _open = new();
    private readonly Dictionary<CorefileAddress, string> _served = [];
    private readonly HashSet<CorefileAddress> _reserved;
    private readonly string _reservedText;

    private CorefileParser(IReadOnlyList<string> reservedKeys)
    {
        // A reserved key that is not an address (a tailnet name already in error) reserves nothing.
        _reserved = [.. reservedKeys.Select(k => CorefileAddress.TryParse(k, out var a) ? a : null).OfType<CorefileAddress>()];
        _reservedText = string.Join(" and ", reservedKeys);
    }

    private enum FrameKind
    {
        ServerBlock,
        Plugin,

        /// <summary>A block opened inside a plugin's block: reported, and its lines dropped.</summary>
        Unsupported,
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="reservedKeys"/> are addresses another part of the Corefile already serves.</summary>
    public static CorefileParseResult Parse(string text, IReadOnlyList<string>? reservedKeys = null)
    {
        var parser = new CorefileParser(reservedKeys ?? []);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            parser.ReadLine(i + 1, lines[i].TrimEnd('\r'));
        }

        parser.CloseUnclosed();
        return new CorefileParseResult(new CorefileDocument(parser._blocks), [.. parser._errors.OrderBy(e => e.Line)]);
    }

    private void ReadLine(int line, string raw)
    {
        var tokens = CorefileSyntax.Tokenize(raw, out var unclosedQuote);
        if (tokens.Count == 0)
        {
            return;
        }

        var shown = CorefileSyntax.Join(tokens);
        if (unclosedQuote)
        {
            Error(line, $"'{raw.Trim()}' has a '\"' that is never closed", "a closing '\"' on the same line");
        }

        var open = IndexOf(tokens, "{");
        var close = IndexOf(tokens, "}");
        if (close == 0)
        {
            if (tokens.Count > 1)
            {
                Error(line, $"'{shown}' has text after '}}'", "'}' alone on its line, and the text on a line of its own");
            }

            Close(line);
        }
        else if (open >= 0 && close > open)
        {
            var head = tokens.Take(open).ToList();
            var inner = tokens.Skip(open + 1).Take(close - open - 1).ToList();
            List<string> fix = [$"'{CorefileSyntax.Join([.. head, "{"])}'"];
            if (inner.Count > 0)
            {
                fix.Add($"'{CorefileSyntax.Join(inner)}'");
            }

            fix.Add("'}'");
            Error(line, $"'{shown}' opens and closes a block on one line", $"the block on its own lines: {string.Join(", ", fix)}");
            Open(line, head, shown);
            Add(line, inner);
            Close(line);
        }
        else if (close > 0)
        {
            Error(line, $"'{shown}' has text before '}}'", "'}' alone on its line, below the block's last line");
            Add(line, tokens.Take(close).ToList());
            Close(line);
        }
        else if (open >= 0 && open < tokens.Count - 1)
        {
            var rest = tokens.Skip(open + 1).ToList();
            Error(line, $"'{shown}' has text after '{{'", $"'{{' to end its line, with '{CorefileSyntax.Join(rest)}' on the next line");
            Open(line, tokens.Take(open).ToList(), shown);
            Add(line, rest);
        }
        else if (open >= 0)
        {
            Open(line, tokens.Take(open).ToList(), shown);
        }
        else
        {
            Add(line, tokens);
        }
    }

    /// <summary>A line ending in '{': a server block at the top, a plugin's block inside a server block.</summary>
    private void Open(int line, IReadOnlyList<string> head, string shown)
    {
        if (_open.Count == 0)
        {
            _open.Push(new Frame(FrameKind.ServerBlock, line, shown, ServerKeys(line, head, shown)));
            return;
        }

        if (_open.Peek().Kind != FrameKind.ServerBlock)
        {
            var owner = _open.Peek().Tokens is [var name, ..] ? name : "its plugin";
            Error(line, $"'{shown}' opens a block inside the block of '{owner}'", $"the properties of '{owner}' on lines of their own, without another block (CoreDNS plugins do not nest blocks)");
            _open.Push(new Frame(FrameKind.Unsupported, line, shown, head));
            return;
        }

        if (head.Count == 0)
        {
            Error(line, "'{' opens a block without a plugin name", "a plugin name before '{', e.g. 'health {'");
        }
        else
        {
            CheckPlugin(line, head);
        }

        _open.Push(new Frame(FrameKind.Plugin, line, shown, head));
    }

    /// <summary>A line without braces: a plugin in a server block, or a property in a plugin's block.</summary>
    private void Add(int line, IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        if (_open.Count == 0)
        {
            Error(line, $"'{CorefileSyntax.Join(tokens)}' is outside any server block", $"a server block: its zones, then '{{' ending the line, {ServerBlockExample}");
            return;
        }

        var frame = _open.Peek();
        if (frame.Kind == FrameKind.ServerBlock)
        {
            CheckPlugin(line, tokens);
        }
        else
        {
            CheckTokens(line, tokens);
        }

        frame.Lines.Add(new CorefileDirective(tokens[0], [.. tokens.Skip(1)], []));
    }

    private void Close(int line)
    {
        if (_open.Count == 0)
        {
            Error(line, "'}' closes a block that was never opened", "each '}' to close a block opened by a line ending in '{'");
            return;
        }

        Pop();
    }

    /// <summary>Ends the innermost open block and files what it read with its parent (or as a server block).</summary>
    private void Pop()
    {
        var frame = _open.Pop();
        switch (frame.Kind)
        {
            case FrameKind.ServerBlock:
                _blocks.Add(new CorefileServerBlock(frame.Tokens, [.. frame.Lines]));
                break;
            case FrameKind.Plugin when frame.Tokens.Count > 0 && _open.Count > 0:
                _open.Peek().Lines.Add(new CorefileDirective(frame.Tokens[0], [.. frame.Tokens.Skip(1)], [.. frame.Lines]));
                break;
            default:
                break;
        }
    }

    private void CloseUnclosed()
    {
        foreach (var frame in _open.Reverse())
        {
            Error(frame.Line, $"'{frame.Text}' opens a block that is never closed", "a line with '}' alone to close it");
        }

        // Keep what was read, so a caller can still look at the recovered document.
        while (_open.Count > 0)
        {
            Pop();
        }
    }

    private List<string> ServerKeys(int line, IReadOnlyList<string> head, string shown)
    {
        // Caddy allows "a.org, b.org {": a comma only separates keys.
        var keys = head.Select(k => k.TrimEnd(',')).Where(k => k.Length > 0).ToList();
        if (keys.Count == 0)
        {
            Error(line, $"'{shown}' opens a server block without a zone", $"the zones it serves before '{{', {ServerBlockExample}");
        }

        foreach (var key in keys)
        {
            if (!CorefileAddress.TryParse(key, out var address))
            {
                Error(line, $"'{key}' is not a server block address", CorefileAddress.Expected);
            }
            else if (_reserved.Contains(address))
            {
                Error(line, $"zone '{key}' is already served by the platform's own Corefile", $"a zone and port other than {_reservedText}");
            }
            else if (!_served.TryAdd(address, key))
            {
                Error(line, $"zone '{key}' is served twice (CoreDNS refuses to start)", "each zone and port in one server block only");
            }
        }

        return keys;
    }

    private void CheckPlugin(int line, IReadOnlyList<string> tokens)
    {
        if (!CoreDnsPlugins.IsKnown(tokens[0]))
        {
            var plugin = CorefileSyntax.Quote(tokens[0]);
            Error(line, $"'{plugin}' is not a CoreDNS plugin" + Suggestions.DidYouMean(tokens[0], CoreDnsPlugins.Names), "a plugin from CoreDNS's plugin.cfg, such as forward, cache or rewrite");
        }

        CheckTokens(line, tokens);
    }

    private void CheckTokens(int line, IReadOnlyList<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Contains("{$", StringComparison.Ordinal))
            {
                Error(line, $"'{token}' reads an environment variable, which the CoreDNS pod does not set", "the value itself");
            }
            else if (!CorefileSyntax.IsWritable(token))
            {
                Error(line, $"'{token}' cannot be written back unchanged", "a token without a backslash before a quote");
            }
        }
    }

    private void Error(int line, string problem, string expected) => _errors.Add(new CorefileError(line, problem, expected));

    private static int IndexOf(IReadOnlyList<string> tokens, string brace)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == brace)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A block being read: what opened it, and the lines read inside it so far.</summary>
    private sealed class Frame(FrameKind kind, int line, string text, IReadOnlyList<string> tokens)
    {
        public FrameKind Kind { get; } = kind;

        public int Line { get; } = line;

        public string Text { get; } = text;

        /// <summary>Server block keys, or the plugin's name and arguments.</summary>
        public IReadOnlyList<string> Tokens { get; } = tokens;

        public List<CorefileDirective> Lines { get; } = [];
    }
}
