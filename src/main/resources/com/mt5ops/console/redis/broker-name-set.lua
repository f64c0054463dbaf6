-- A broker rename on a Redis Cluster, step 3 of 3, after its audit entry is written: the name, only if it is still
-- the one step 1 saw.
-- KEYS: 1 the names hash. ARGV: 1 broker id, 2 the name step 1 saw ('missing' | 'is:<name>'), 3 the new name ('' removes it)
-- Reply: {'DONE', name now} | {'CONFLICT', name now ('' for none)} | {'SERVER_ERROR', name now, why}
local t = redis.call('TYPE', KEYS[1])['ok']
if t ~= 'none' and t ~= 'hash' then return {'SERVER_ERROR', '', KEYS[1] .. ' is a ' .. t .. ', not a hash'} end
local cur = false
if t == 'hash' then cur = redis.call('HGET', KEYS[1], ARGV[1]) end
local saw = ARGV[2]
if (saw == 'missing' and cur) or (saw ~= 'missing' and cur ~= string.sub(saw, 4)) then return {'CONFLICT', cur or ''} end
local r
if ARGV[3] == '' then r = redis.pcall('HDEL', KEYS[1], ARGV[1]) else r = redis.pcall('HSET', KEYS[1], ARGV[1], ARGV[3]) end
if type(r) == 'table' and r.err then
  local denied = string.find(r.err, 'NOPERM', 1, true) or string.find(r.err, "can't run this command", 1, true)
    or string.find(r.err, "can't access", 1, true)
  return {'SERVER_ERROR', cur or '', (ARGV[3] == '' and 'HDEL' or 'HSET') .. ' ' .. KEYS[1] .. ' failed ('
    .. (denied and 'permission denied: ' or '') .. r.err .. ')'}
end
return {'DONE', ARGV[3]}
