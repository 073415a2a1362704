import Credentials

extension ImportMessage {
    /// The texts of import messages in Spanish, Portuguese and English.
    ///
    /// Keys are prefixed by where the problem is: `csv.` (the file), `header.` (the first row),
    /// `row.` and `value.` (one row or value), `batch.` (the file as a whole), `problem.` (framing).
    static let catalog: [String: [Language: String]] = [
        // the file
        "csv.tooLarge": [
            .es: "El archivo pesa {0}; el máximo es {1}. Divídalo en varios archivos.",
            .pt: "O arquivo tem {0}; o máximo é {1}. Divida-o em vários arquivos.",
            .en: "The file is {0}; the maximum is {1}. Split it into several files.",
        ],
        "csv.tooManyRows": [
            .es: "El archivo tiene más de {0} filas de estudiantes. Divídalo en archivos de hasta {0} filas.",
            .pt: "O arquivo tem mais de {0} linhas de estudantes. Divida-o em arquivos de até {0} linhas.",
            .en: "The file has more than {0} learner rows. Split it into files of at most {0} rows.",
        ],
        "csv.fieldTooLong": [
            .es: "El valor de la columna {0} pasa de {1} caracteres.",
            .pt: "O valor da coluna {0} passa de {1} caracteres.",
            .en: "The value in column {0} is longer than {1} characters.",
        ],
        "csv.fieldTooLongQuoted": [
            .es: "El valor de la columna {0} pasa de {1} caracteres: probablemente una comilla (\") abierta en esta fila no se cierra y el resto del archivo se lee como un solo valor.",
            .pt: "O valor da coluna {0} passa de {1} caracteres: provavelmente uma aspa (\") aberta nesta linha não é fechada e o resto do arquivo é lido como um único valor.",
            .en: "The value in column {0} is longer than {1} characters: probably a quote (\") opened in this row is never closed, so the rest of the file reads as one value.",
        ],
        "csv.tooManyColumns": [
            .es: "La fila tiene más de {0} columnas.",
            .pt: "A linha tem mais de {0} colunas.",
            .en: "The row has more than {0} columns.",
        ],
        "csv.notUTF8": [
            .es: "El archivo no está en UTF-8 (línea {0}): guárdelo como CSV UTF-8 (en Excel: Guardar como › «CSV UTF-8 (delimitado por comas)»).",
            .pt: "O arquivo não está em UTF-8 (linha {0}): salve-o como CSV UTF-8 (no Excel: Salvar como › «CSV UTF-8 (Delimitado por vírgulas)»).",
            .en: "The file is not UTF-8 (line {0}): save it as CSV UTF-8 (in Excel: Save As › \"CSV UTF-8 (Comma delimited)\").",
        ],
        "csv.notUTF8Latin": [
            .es: "El archivo no está en UTF-8 (línea {0}: hay una «{1}» escrita en otra codificación, como Windows-1252): guárdelo como CSV UTF-8 (en Excel: Guardar como › «CSV UTF-8 (delimitado por comas)»).",
            .pt: "O arquivo não está em UTF-8 (linha {0}: há um «{1}» escrito em outra codificação, como Windows-1252): salve-o como CSV UTF-8 (no Excel: Salvar como › «CSV UTF-8 (Delimitado por vírgulas)»).",
            .en: "The file is not UTF-8 (line {0}: there is a \"{1}\" written in another encoding, such as Windows-1252): save it as CSV UTF-8 (in Excel: Save As › \"CSV UTF-8 (Comma delimited)\").",
        ],
        "csv.badUTF16": [
            .es: "El archivo dice estar en UTF-16, pero no se puede decodificar: guárdelo como CSV UTF-8.",
            .pt: "O arquivo diz estar em UTF-16, mas não pode ser decodificado: salve-o como CSV UTF-8.",
            .en: "The file says it is UTF-16 but does not decode: save it as CSV UTF-8.",
        ],
        "csv.utf32": [
            .es: "El archivo está en UTF-32, que no se admite: guárdelo como CSV UTF-8.",
            .pt: "O arquivo está em UTF-32, que não é aceito: salve-o como CSV UTF-8.",
            .en: "The file is UTF-32, which is not accepted: save it as CSV UTF-8.",
        ],
        "csv.nul": [
            .es: "El archivo contiene bytes nulos (línea {0}): no es un CSV de texto, o está en UTF-16 sin marca de orden de bytes. Guárdelo como CSV UTF-8.",
            .pt: "O arquivo contém bytes nulos (linha {0}): não é um CSV de texto, ou está em UTF-16 sem marca de ordem de bytes. Salve-o como CSV UTF-8.",
            .en: "The file contains NUL bytes (line {0}): it is not a CSV text file, or it is UTF-16 without a byte order mark. Save it as CSV UTF-8.",
        ],
        "csv.workbook": [
            .es: "Es un libro de hoja de cálculo ({0}), no un CSV: ábralo y guárdelo como CSV UTF-8.",
            .pt: "É uma pasta de trabalho de planilha ({0}), não um CSV: abra-a e salve-a como CSV UTF-8.",
            .en: "This is a spreadsheet workbook ({0}), not CSV: open it and save it as CSV UTF-8.",
        ],
        "csv.unclosedQuote": [
            .es: "Una comilla (\") abierta en esta fila no se cierra antes del final del archivo.",
            .pt: "Uma aspa (\") aberta nesta linha não é fechada antes do fim do arquivo.",
            .en: "A quote (\") opened in this row is not closed before the end of the file.",
        ],
        "csv.strayQuote": [
            .es: "En la columna {0}, tras la comilla de cierre de un valor entre comillas siguen otros caracteres. Dentro de un valor entre comillas, escriba cada comilla dos veces (\"\").",
            .pt: "Na coluna {0}, depois da aspa de fechamento de um valor entre aspas há outros caracteres. Dentro de um valor entre aspas, escreva cada aspa duas vezes (\"\").",
            .en: "In column {0}, a quoted value is followed by more characters after its closing quote. Inside a quoted value, write each quote twice (\"\").",
        ],
        "csv.empty": [
            .es: "El archivo está vacío: la primera fila debe tener los encabezados (nombres, apellidos, correo…).",
            .pt: "O arquivo está vazio: a primeira linha deve ter os cabeçalhos (nome, sobrenome, e-mail…).",
            .en: "The file is empty: the first row must hold the headers (given name, family name, email…).",
        ],
        // the header row
        "header.unknown": [
            .es: "No es una columna conocida. Corrija el encabezado o quite la columna; se aceptan: nombres, apellidos (o apellido paterno y apellido materno), correo, calificación y did.",
            .pt: "Não é uma coluna conhecida. Corrija o cabeçalho ou remova a coluna; são aceitos: nome, sobrenome, e-mail, nota e did.",
            .en: "This is not a known column. Fix the header or remove the column; accepted: given name, family name, email, grade and did.",
        ],
        "header.unknownSuggestion": [
            .es: "No es una columna conocida: ¿quiso decir \"{0}\"? Corrija el encabezado o quite la columna.",
            .pt: "Não é uma coluna conhecida: quis dizer \"{0}\"? Corrija o cabeçalho ou remova a coluna.",
            .en: "This is not a known column: did you mean \"{0}\"? Fix the header or remove the column.",
        ],
        "header.duplicate": [
            .es: "Repite la columna \"{0}\" (son el mismo dato): deje solo una.",
            .pt: "Repete a coluna \"{0}\" (são o mesmo dado): deixe só uma.",
            .en: "This repeats the column \"{0}\" (the same data): keep only one.",
        ],
        "header.missingGivenName": [
            .es: "Falta la columna de nombres. Encabezados aceptados: {0}.",
            .pt: "Falta a coluna de nome. Cabeçalhos aceitos: {0}.",
            .en: "The given-name column is missing. Accepted headers: {0}.",
        ],
        "header.missingFamilyName": [
            .es: "Falta la columna de apellidos. Encabezados aceptados: {0}; o dos columnas: {1} y {2}.",
            .pt: "Falta a coluna de sobrenome. Cabeçalhos aceitos: {0}; ou duas colunas: {1} e {2}.",
            .en: "The family-name column is missing. Accepted headers: {0}; or two columns: {1} and {2}.",
        ],
        "header.missingPaternal": [
            .es: "Hay una columna de apellido materno pero falta la del apellido paterno ({0}).",
            .pt: "Há uma coluna de segundo sobrenome (materno), mas falta a do primeiro ({0}).",
            .en: "There is a maternal-surname column but no paternal-surname column ({0}).",
        ],
        "header.fullName": [
            .es: "Use dos columnas, nombres y apellidos, en lugar de un nombre completo: separar un nombre completo (\"María José Núñez Pérez\") en nombres y apellidos es ambiguo.",
            .pt: "Use duas colunas, nome e sobrenome, em vez de um nome completo: separar um nome completo (\"Maria José da Silva Santos\") em nome e sobrenome é ambíguo.",
            .en: "Use two columns, given name and family name, instead of a full name: splitting a full name (\"María José Núñez Pérez\") into given and family names is ambiguous.",
        ],
        "header.surnameConflict": [
            .es: "Hay una columna \"{0}\" y también \"{1}\": use una sola columna de apellidos, o bien apellido paterno y apellido materno.",
            .pt: "Há uma coluna \"{0}\" e também \"{1}\": use uma só coluna de sobrenome, ou então primeiro e segundo sobrenome.",
            .en: "There is a \"{0}\" column and also \"{1}\": use one family-name column, or paternal and maternal surname columns.",
        ],
        "header.unnamedValues": [
            .es: "La columna {0} no tiene encabezado pero tiene valores: escriba su encabezado o quite la columna.",
            .pt: "A coluna {0} não tem cabeçalho, mas tem valores: escreva o cabeçalho ou remova a coluna.",
            .en: "Column {0} has values but no header: write its header or remove the column.",
        ],
        // rows and values
        "row.extraValues": [
            .es: "La fila tiene {0} valores, pero solo hay {1} columnas con encabezado: probablemente un valor contiene el separador {2} sin estar entre comillas.",
            .pt: "A linha tem {0} valores, mas só há {1} colunas com cabeçalho: provavelmente um valor contém o separador {2} sem estar entre aspas.",
            .en: "The row has {0} values but only {1} columns have headers: probably a value contains the separator {2} without quotes.",
        ],
        "row.duplicateEmail": [
            .es: "El correo {0} ya aparece en la fila {1}.",
            .pt: "O e-mail {0} já aparece na linha {1}.",
            .en: "The email {0} is already on row {1}.",
        ],
        "row.duplicateDID": [
            .es: "El DID {0} ya aparece en la fila {1}.",
            .pt: "O DID {0} já aparece na linha {1}.",
            .en: "The DID {0} is already on row {1}.",
        ],
        "value.required": [
            .es: "Falta el valor, que es obligatorio.",
            .pt: "Falta o valor, que é obrigatório.",
            .en: "The value is missing; it is required.",
        ],
        "value.tooLong": [
            .es: "El valor pasa de {0} caracteres.",
            .pt: "O valor passa de {0} caracteres.",
            .en: "The value is longer than {0} characters.",
        ],
        "value.control": [
            .es: "El valor contiene caracteres de control (saltos de línea, tabuladores u otros invisibles).",
            .pt: "O valor contém caracteres de controle (quebras de linha, tabulações ou outros invisíveis).",
            .en: "The value contains control characters (line breaks, tabs or other invisible ones).",
        ],
        "value.email": [
            .es: "\"{0}\" no es una dirección de correo electrónico.",
            .pt: "\"{0}\" não é um endereço de e-mail.",
            .en: "\"{0}\" is not an email address.",
        ],
        "value.did": [
            .es: "\"{0}\" no es un DID (did:método:identificador).",
            .pt: "\"{0}\" não é um DID (did:método:identificador).",
            .en: "\"{0}\" is not a DID (did:method:identifier).",
        ],
        "value.other": [.es: "{0}", .pt: "{0}", .en: "{0}"],
        // the file as a whole
        "batch.noRows": [
            .es: "El archivo solo tiene la fila de encabezados: no hay estudiantes a quienes emitir.",
            .pt: "O arquivo só tem a linha de cabeçalhos: não há estudantes para quem emitir.",
            .en: "The file has only the header row: there is no learner to issue to.",
        ],
        "batch.more": [
            .es: "…y {0} problemas más.",
            .pt: "…e mais {0} problemas.",
            .en: "…and {0} more problems.",
        ],
        // framing
        "problem.rowColumn": [
            .es: "Fila {0}, columna \"{1}\": {2}",
            .pt: "Linha {0}, coluna \"{1}\": {2}",
            .en: "Row {0}, column \"{1}\": {2}",
        ],
        "problem.row": [
            .es: "Fila {0}: {1}",
            .pt: "Linha {0}: {1}",
            .en: "Row {0}: {1}",
        ],
    ]
}
