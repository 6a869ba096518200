using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace StreamsApp.Contracts.Generator;

/// <summary>
/// Reads the JSON of an Avro schema into dictionaries (objects, keys in file order), lists, strings, numbers (as
/// their text), booleans and null. A generator runs inside the compiler, which offers no JSON reader to
/// netstandard2.0 code without shipping one beside it.
/// </summary>
internal sealed class Json
{
    private readonly string _text;
    private int _at;

    private Json(string text) => _text = text;

    /// <summary>The value <paramref name="text"/> holds.</summary>
    /// <exception cref="FormatException">The text is not one JSON value.</exception>
    public static object? Parse(string text)
    {
        var json = new Json(text);
        var value = json.Value();
        json.SkipSpace();
        return json._at == text.Length ? value : throw json.Error("text after the value");
    }

    private object? Value()
    {
        SkipSpace();
        if (_at >= _text.Length)
        {
            throw Error("a value");
        }

        switch (_text[_at])
        {
            case '{':
                return Object();
            case '[':
                return Array();
            case '"':
                return String();
            case 't':
                return Literal("true", true);
            case 'f':
                return Literal("false", false);
            case 'n':
                return Literal("null", null);
            default:
                return Number();
        }
    }

    private List<KeyValuePair<string, object?>> Object()
    {
        var members = new List<KeyValuePair<string, object?>>();
        _at++;
        SkipSpace();
        if (Take('}'))
        {
            return members;
        }

        do
        {
            SkipSpace();
            var name = String();
            Expect(':');
            members.Add(new KeyValuePair<string, object?>(name, Value()));
            SkipSpace();
        }
        while (Take(','));

        Expect('}');
        return members;
    }

    private List<object?> Array()
    {
        var items = new List<object?>();
        _at++;
        SkipSpace();
        if (Take(']'))
        {
            return items;
        }

        do
        {
            items.Add(Value());
            SkipSpace();
        }
        while (Take(','));

        Expect(']');
        return items;
    }

    private string String()
    {
        if (!Take('"'))
        {
            throw Error("a string");
        }

        var text = new StringBuilder();
        while (_at < _text.Length && _text[_at] != '"')
        {
            var c = _text[_at++];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var escaped = _at < _text.Length ? _text[_at++] : throw Error("an escape");
            text.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                'u' => Unicode(),
                _ => escaped,
            });
        }

        Expect('"');
        return text.ToString();
    }

    private char Unicode()
    {
        if (_at + 4 > _text.Length)
        {
            throw Error("four hex digits");
        }

        var code = int.Parse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        _at += 4;
        return (char)code;
    }

    private string Number()
    {
        var start = _at;
        while (_at < _text.Length && "+-0123456789.eE".IndexOf(_text[_at]) >= 0)
        {
            _at++;
        }

        return _at > start ? _text.Substring(start, _at - start) : throw Error("a value");
    }

    private object? Literal(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
        {
            throw Error(word);
        }

        _at += word.Length;
        return value;
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private bool Take(char c)
    {
        if (_at < _text.Length && _text[_at] == c)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (!Take(c))
        {
            throw Error($"'{c}'");
        }
    }

    private FormatException Error(string expected) =>
        new($"Expected {expected} at character {_at.ToString(CultureInfo.InvariantCulture)}");
}
