-- Appends one audit entry stamped with this server's clock, alone on the stream's slot (Redis Cluster: the change it
-- records is written in another slot, after it). Runs after server-time.lua (iso8601).
-- KEYS: 1 audit stream. ARGV: 1 MAXLEN, 2.. the entry's fields and values; 'time' is added last.
-- Reply: {stream id, time}. Errors (nothing written): the key is no stream, XADD refused.
if redis.replicate_commands then redis.replicate_commands() end -- Redis 6.2: TIME before writes needs effects replication
local t = redis.call('TYPE', KEYS[1])['ok']
if t ~= 'none' and t ~= 'stream' then return redis.error_reply(KEYS[1] .. ' is a ' .. t .. ', not a stream') end
local now = iso8601(tonumber(redis.call('TIME')[1]))
local fields = {unpack(ARGV, 2)}
fields[#fields + 1] = 'time'
fields[#fields + 1] = now
return {redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields)), now}
