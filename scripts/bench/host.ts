// The local host exactly as `npm start` runs it, with the SQL log installed
// first: it must wrap `prepare` before the host opens its database.
import './sql-log'
import '../../host/main'
