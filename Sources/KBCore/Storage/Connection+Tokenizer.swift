import CSQLite

/// One tokenizer instance FTS5 created for a table; `fixed` comes from `tokenize='kb en'`.
private final class TokenizerInstance {
    let context: TokenizerContext
    let fixed: Language?

    init(context: TokenizerContext, fixed: Language?) {
        self.context = context
        self.fixed = fixed
    }
}

/// Carries FTS5's token callback through Swift's analyzer closure.
private struct TokenCallback {
    let context: UnsafeMutableRawPointer?
    let emit: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32
}

extension Connection {
    /// Registers kb's tokenizer as `kb` on a connection that is not a `Store` (benchmarks, tools), analysing in `language`.
    public func registerTokenizer(language: Language) throws {
        try registerTokenizer(TokenizerContext(language: language, sources: Store.defaultTermSources))
    }

    /// The connection's `fts5_api` (valid while the connection is open), through which extensions register.
    func fts5API() throws -> UnsafeMutablePointer<fts5_api> {
        let statement = try prepare("SELECT fts5(?1)")
        var api: UnsafeMutablePointer<fts5_api>?
        let bindCode = withUnsafeMutablePointer(to: &api) { pointer in
            sqlite3_bind_pointer(statement.handle, 1, UnsafeMutableRawPointer(pointer), "fts5_api_ptr", nil)
        }
        guard bindCode == SQLITE_OK else { throw SQLiteError(connection: handle, code: bindCode, sql: statement.sql) }
        _ = try statement.step()
        guard let api, api.pointee.iVersion >= 2 else { throw StoreError.missingFTS5 }
        return api
    }

    /// Registers kb's tokenizer as `kb` through the connection's `fts5_api`.
    func registerTokenizer(_ context: TokenizerContext) throws {
        let api = try fts5API()
        guard let create = api.pointee.xCreateTokenizer else { throw StoreError.missingFTS5 }
        var tokenizer = fts5_tokenizer(
            xCreate: { contextPointer, arguments, argumentCount, output in
                guard let contextPointer, let output else { return SQLITE_ERROR }
                let context = Unmanaged<TokenizerContext>.fromOpaque(contextPointer).takeUnretainedValue()
                var fixed: Language?
                if argumentCount > 0, let arguments, let first = arguments[0] {
                    guard let language = Language(rawValue: String(cString: first)) else { return SQLITE_ERROR }
                    fixed = language
                }
                let instance = TokenizerInstance(context: context, fixed: fixed)
                output.pointee = OpaquePointer(Unmanaged.passRetained(instance).toOpaque())
                return SQLITE_OK
            },
            xDelete: { pointer in
                guard let pointer else { return }
                Unmanaged<TokenizerInstance>.fromOpaque(UnsafeRawPointer(pointer)).release()
            },
            xTokenize: { pointer, callbackContext, flags, text, length, emit in
                guard let pointer, let emit else { return SQLITE_ERROR }
                let instance = Unmanaged<TokenizerInstance>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
                guard let text, length > 0 else { return SQLITE_OK }
                var buffer = UnsafeRawPointer(text).withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    UnsafeBufferPointer(start: $0, count: Int(length))
                }
                var marked: Language?
                var shift = 0
                // A query phrase may name the language it is analysed in (see QueryLanguageMark); documents never do.
                if flags & FTS5_TOKENIZE_QUERY != 0, let mark = QueryLanguageMark.split(buffer) {
                    marked = mark.language
                    shift = mark.offset
                    buffer = UnsafeBufferPointer(rebasing: buffer[mark.offset...])
                }
                let callback = TokenCallback(context: callbackContext, emit: emit)
                var result = SQLITE_OK
                let context = instance.context
                context.source(for: marked ?? instance.fixed)(buffer) { term, start, end in
                    let code = term.withMemoryRebound(to: CChar.self) { chars in
                        callback.emit(callback.context, 0, chars.baseAddress, Int32(chars.count), Int32(start + shift), Int32(end + shift))
                    }
                    if code != SQLITE_OK {
                        result = code
                        return false
                    }
                    return true
                }
                return result
            })
        let retained = Unmanaged.passRetained(context).toOpaque()
        let code = create(api, "kb", retained, &tokenizer) { pointer in
            guard let pointer else { return }
            Unmanaged<TokenizerContext>.fromOpaque(pointer).release()
        }
        guard code == SQLITE_OK else {
            Unmanaged<TokenizerContext>.fromOpaque(retained).release()
            throw SQLiteError(connection: handle, code: code)
        }
    }
}
