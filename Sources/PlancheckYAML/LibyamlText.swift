// The one place with natural-language text in this module: what libyaml 0.2.5 (reader.c, scanner.c, parser.c)
// and our own reader put in `YAMLError.problem` / `YAMLError.context`, with a Chinese rendering for planning
// staff and, where libyaml's wording is cryptic, a plain-English one. Data only: a front end picks the language.

public enum LibyamlText {
    /// One problem or context text.
    public struct Entry: Sendable {
        /// The text exactly as it appears in `YAMLError.problem` or `.context`.
        public let english: String
        /// What it means, in Chinese, for someone who edits YAML but does not know its grammar.
        public let chinese: String
        /// A clearer English wording, when libyaml's own is cryptic; nil when it is clear enough.
        public let plainEnglish: String?
    }

    /// Problem texts our reader uses for the error kinds it detects itself (libyaml has no words for them).
    public enum Ours {
        public static let tooLarge = "input is larger than the size limit"
        public static let tooDeep = "collections are nested deeper than the depth limit"
        public static let aliasExpansionLimit = "alias expansion exceeds the node limit"
        public static let undefinedAlias = "found undefined alias"
        public static let recursiveAlias = "found an alias inside the node its anchor names"
        public static let multipleDocuments = "found a second document where only one is expected"
        public static let utf16 = "UTF-16 input is not supported"
        public static let outOfMemory = "libyaml ran out of memory"
        public static let unknown = "unknown libyaml error"
    }

    /// The Chinese rendering of a problem or context text, or nil for a text not in the table.
    public static func chinese(_ english: String) -> String? { index[english]?.chinese }

    /// A clearer English wording of a problem or context text: the plain rewording when there is one, else the text
    /// itself when it is in the table, else nil.
    public static func plainEnglish(_ english: String) -> String? {
        guard let entry = index[english] else { return nil }
        return entry.plainEnglish ?? entry.english
    }

    private static let index: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries { map[entry.english] = entry }
        return map
    }()

    private static func e(_ english: String, _ chinese: String, _ plain: String? = nil) -> Entry {
        Entry(english: english, chinese: chinese, plainEnglish: plain)
    }

    /// Every text, problems first, then contexts.
    public static let entries: [Entry] = [
        // Our reader.
        e(Ours.tooLarge, "文件超过了允许的大小上限，请拆分文件或检查是否选错了文件。"),
        e(Ours.tooDeep, "列表和映射嵌套的层数超过了上限。正常的计划文件不会嵌套这么深，请检查缩进或括号是否写错。",
          "lists and mappings are nested deeper than allowed; a real plan file never nests this deep, so check the indentation or brackets"),
        e(Ours.aliasExpansionLimit, "别名（*名称）展开后的内容过多，超过了上限。文件可能在反复引用同一段内容，这种写法也常被用来拖垮程序。",
          "expanding the aliases (*name) would produce too much content; the file references the same block again and again, a pattern also used to overload programs"),
        e(Ours.recursiveAlias, "别名（*名称）引用了包含它自身的内容，会无限展开。",
          "an alias (*name) refers to the very node it sits in, which would expand forever"),
        e(Ours.multipleDocuments, "文件里有多个文档（用 --- 分隔），这里只允许一个。请删掉多余的 --- 或把内容拆到不同文件。",
          "the file holds several documents separated by ---, but only one is expected here; remove the extra --- or split the file"),
        e(Ours.utf16, "文件是 UTF-16 编码的，请另存为 UTF-8 编码后再提交。",
          "the file is encoded as UTF-16; save it as UTF-8"),
        e(PostParseChecks.commentWithoutSpace, "注释符号 # 前面缺少空格。YAML 要求 # 与前面的内容之间至少有一个空格，否则它不是注释。",
          "a comment's `#` must have a space before it; without one it is not a comment"),
        e(PostParseChecks.directiveInDocument, "以 % 开头的指令出现在文档内容之后。指令只能写在文档开头，或上一个文档用 ... 结束之后。",
          "a directive (a line starting with %) may only come before a document, or after a document ended with ..."),
        e(PostParseChecks.plainDashInFlow, "方括号或花括号中的 - 不能作为普通文字出现。若要写减号或短横线，请加引号（\"-\"）。",
          "a lone - cannot be plain text inside brackets or braces; quote it (\"-\") if it is meant as text"),
        e(Ours.outOfMemory, "读取文件时内存不足。"),
        e(Ours.unknown, "YAML 解析器报告了一个未知错误。"),

        // libyaml reader.c: bytes and encodings.
        e("invalid leading UTF-8 octet", "文件中有不是 UTF-8 编码的字节，常见于用 GBK 等编码保存的文件。请将文件另存为 UTF-8 编码。",
          "the file contains bytes that are not UTF-8, typically because it was saved in another encoding such as GBK; save it as UTF-8"),
        e("invalid trailing UTF-8 octet", "文件中有残缺或错误的 UTF-8 字符，常见于用 GBK 等编码保存的文件。请将文件另存为 UTF-8 编码。",
          "the file contains a broken UTF-8 character, typically because it was saved in another encoding such as GBK; save it as UTF-8"),
        e("incomplete UTF-8 octet sequence", "文件末尾有一个不完整的字符，文件可能被截断了，或者不是 UTF-8 编码。",
          "the file ends in the middle of a character: it may be truncated or not UTF-8"),
        e("invalid length of a UTF-8 sequence", "文件中有编码方式不合规的字符，请将文件另存为 UTF-8 编码。",
          "the file contains an over-long UTF-8 encoding; save it as UTF-8 again"),
        e("invalid Unicode character", "文件中有无效的 Unicode 字符，请删除它或重新输入。",
          "the file contains a code point that is not a valid character"),
        e("control characters are not allowed", "文件中有看不见的控制字符（例如从其他软件复制来的特殊符号），YAML 不允许，请删除。",
          "the file contains an invisible control character (often pasted from another program); YAML does not allow it, delete it"),
        e("incomplete UTF-16 character", "文件末尾有一个不完整的 UTF-16 字符，请将文件另存为 UTF-8 编码。"),
        e("incomplete UTF-16 surrogate pair", "文件中有不完整的 UTF-16 字符，请将文件另存为 UTF-8 编码。"),
        e("unexpected low surrogate area", "文件中有错误的 UTF-16 字符，请将文件另存为 UTF-8 编码。"),
        e("input is too long", "文件太大，无法读取。"),
        e("input error", "读取文件时出错。"),

        // libyaml scanner.c: characters and tokens.
        e("found character that cannot start any token",
          "这里有一个不能出现在此处的字符。最常见的原因是用了 Tab 键缩进（YAML 只能用空格缩进），或者某个值以 @ 或反引号 ` 开头——这样的值请用引号括起来。",
          "found a character that cannot begin anything here; most often a tab used for indentation (YAML allows only spaces), or a value starting with @ or a backtick (`), which must be put in quotes"),
        e("found a tab character that violates indentation", "这里用 Tab 键做了缩进。YAML 只能用空格缩进，请把 Tab 换成空格。",
          "a tab is used for indentation; YAML allows only spaces there"),
        e("found a tab character where an indentation space is expected", "这里应当用空格缩进，却用了 Tab。请把 Tab 换成空格。",
          "a tab is used where an indentation space is expected; replace it with spaces"),
        e("mapping values are not allowed in this context",
          "这里不能开始一个值（冒号加空格“: ”会被当作键和值的分隔）。通常是缩进不对，或者一段没加引号的文字里含有“: ”——这样的文字请用引号括起来。",
          "a colon followed by a space starts a value, and no value may start here; usually the indentation is off, or unquoted text contains \": \" and must be put in quotes"),
        e("mapping keys are not allowed in this context", "这里不能出现一个键。通常是缩进不对。",
          "a key cannot start here; usually the indentation is off"),
        e("block sequence entries are not allowed in this context", "这里不能出现以“- ”开头的列表项。通常是缩进不对，或者它前面的键后面已经写了值。",
          "a list item (\"- \") cannot start here; usually the indentation is off, or the key before it already has a value on its line"),
        e("could not find expected ':'", "找不到键后面的冒号“:”。可能是一行文字断到了下一行，或者引号没有闭合。",
          "a key must be followed by a colon, and none was found; often a line was broken in two or a quote was not closed"),
        e("found unexpected ':'", "方括号或花括号里出现了意外的冒号，含冒号的文字请用引号括起来。",
          "an unexpected colon inside brackets; quote text that contains a colon"),
        e("found unexpected end of stream", "文件意外结束：有引号或括号没有闭合。",
          "the file ends before a quote or bracket was closed"),
        e("found unexpected document indicator", "在一段文字中间遇到了文档分隔符（--- 或 ...），请检查前面的引号是否闭合。",
          "a document marker (--- or ...) appears inside a piece of text; check that the quote before it is closed"),
        e("found unknown escape character", "双引号文字里有无法识别的转义（反斜杠 \\ 后面的字符不对）。要写反斜杠本身请写成 \\\\，或者改用单引号。",
          "a double-quoted text has an unknown escape after a backslash; write \\\\ for a backslash, or use single quotes"),
        e("did not find expected hexdecimal number", "转义序列 \\x、\\u 或 \\U 后面应当是十六进制数字。",
          "an escape \\x, \\u or \\U must be followed by hexadecimal digits"),
        e("found invalid Unicode character escape code", "转义序列表示的不是一个有效的 Unicode 字符。",
          "the escape does not name a valid Unicode character"),
        e("did not find expected comment or line break", "这一行在应当结束的地方后面还有多余的内容（这里只能是注释或换行）。",
          "there is more text where the line should end (only a comment may follow here)"),
        e("did not find expected whitespace or line break", "这里应当是空格或换行。"),
        e("did not find expected whitespace", "这里应当是空格。"),
        e("did not find expected alphabetic or numeric character", "这里应当是字母或数字，例如锚点（&名称）或别名（*名称）的名称。",
          "a letter or digit is expected here, as in the name of an anchor (&name) or alias (*name)"),
        e("found an indentation indicator equal to 0", "块文本（| 或 >）的缩进数字不能是 0。"),
        e("did not find expected '!'", "标签的前缀应当以“!”结尾。"),
        e("did not find the expected '>'", "标签 !<…> 缺少结尾的“>”。"),
        e("did not find expected tag URI", "标签后面缺少内容。"),
        e("did not find URI escaped octet", "标签中的 % 转义不完整。"),
        e("found an incorrect leading UTF-8 octet", "标签中的 % 转义不是有效的 UTF-8 字符。"),
        e("found an incorrect trailing UTF-8 octet", "标签中的 % 转义不是有效的 UTF-8 字符。"),
        e("could not find expected directive name", "“%”后面应当是指令名（YAML 或 TAG）。以 % 开头的值请用引号括起来。",
          "a directive name (YAML or TAG) must follow %; put a value that starts with % in quotes"),
        e("found unexpected non-alphabetical character", "指令名里只能有字母。"),
        e("found unknown directive name", "未知的指令名，只支持 %YAML 和 %TAG。"),
        e("did not find expected digit or '.' character", "%YAML 指令的版本号格式不对，应为“1.2”这样的形式。"),
        e("did not find expected version number", "%YAML 指令缺少版本号。"),
        e("found extremely long version number", "%YAML 指令的版本号过长。"),
        e("alias value must contain alphanumerical characters only", "别名的名称只能包含字母和数字。"),
        e("alias value must not be empty", "别名（*）后面缺少名称。"),
        e("anchor value must contain alphanumerical characters only", "锚点的名称只能包含字母和数字。"),
        e("anchor value must not be empty", "锚点（&）后面缺少名称。"),

        // libyaml parser.c: structure.
        e("did not find expected key",
          "这里应当是一个新的键，却出现了别的内容。通常是某一行的缩进和同级的行不一致，或者上一行的值没有写完整（例如引号没有闭合）。",
          "a new key was expected at this indentation but something else was found; usually a line is indented differently from its siblings, or the previous value is incomplete (an unclosed quote, for example)"),
        e("did not find expected '-' indicator", "这里应当是以“- ”开头的列表项。通常是缩进和同一列表的其他项不一致。",
          "a list item (\"- \") was expected; usually the indentation differs from the other items of the list"),
        e("did not find expected node content", "这里应当有一个值（文字、列表或映射），却没有找到。可能是多了一个符号，或者缺了内容。",
          "a value (text, list or mapping) was expected here but none was found; a stray symbol or missing content"),
        e("did not find expected ',' or ']'", "方括号列表 [...] 里缺少逗号或右方括号“]”。",
          "a list in [...] is missing a comma or its closing ]"),
        e("did not find expected ',' or '}'", "花括号映射 {...} 里缺少逗号或右花括号“}”。",
          "a mapping in {...} is missing a comma or its closing }"),
        e("did not find expected <document start>", "一个文档结束后还有多余的内容。如果要开始新文档，请先写一行 ---。",
          "there is content after the end of a document; a new document must begin with a --- line"),
        e("did not find expected <stream-start>", "YAML 解析器内部状态错误。"),
        e("found incompatible YAML document", "%YAML 指令声明了不支持的版本（只支持 1.x）。",
          "the %YAML directive names a version other than 1.x"),
        e("found duplicate %YAML directive", "%YAML 指令重复出现。"),
        e("found duplicate %TAG directive", "%TAG 指令重复出现。"),
        e("duplicate %TAG directive", "%TAG 指令重复出现。"),
        e("found undefined tag handle", "使用了没有用 %TAG 声明过的标签前缀（例如 !foo!）。",
          "a tag uses a handle (like !foo!) that no %TAG directive declares"),
        e(Ours.undefinedAlias, "别名（*名称）引用的锚点（&名称）在它前面没有定义。请检查名称拼写，锚点必须写在别名之前。",
          "an alias (*name) refers to an anchor (&name) that is not defined before it; check the spelling and order"),

        // Contexts: "while ..." tells where the problem started.
        e("while parsing a block mapping", "解析这个映射（“键: 值”的集合）时"),
        e("while parsing a block collection", "解析这个列表或映射时"),
        e("while parsing a flow sequence", "解析这个方括号列表 [...] 时"),
        e("while parsing a flow mapping", "解析这个花括号映射 {...} 时"),
        e("while parsing a block node", "解析这个值时"),
        e("while parsing a flow node", "解析这个值时"),
        e("while parsing a node", "解析这个值时"),
        e("while parsing a tag", "解析这个标签时"),
        e("while parsing a %TAG directive", "解析这条 %TAG 指令时"),
        e("while parsing a tag directive", "解析这条 %TAG 指令时"),
        e("while parsing a quoted scalar", "解析这段带引号的文字时"),
        e("while scanning a simple key", "读取这个键时"),
        e("while scanning a quoted scalar", "读取这段带引号的文字时"),
        e("while scanning a plain scalar", "读取这段不带引号的文字时"),
        e("while scanning a block scalar", "读取这段块文本（| 或 >）时"),
        e("while scanning for the next token", "查找下一项内容时"),
        e("while scanning an anchor", "读取这个锚点（&名称）时"),
        e("while scanning an alias", "读取这个别名（*名称）时"),
        e("while scanning a tag", "读取这个标签时"),
        e("while scanning a directive", "读取这条指令时"),
        e("while scanning a %YAML directive", "读取这条 %YAML 指令时"),
        e("while scanning a %TAG directive", "读取这条 %TAG 指令时"),
        e("while scanning a tag directive", "读取这条 %TAG 指令时"),
    ]
}
