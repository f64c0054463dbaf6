-- Bulk read for the fleet loader: one reply per key, {type, contents}; contents is HGETALL for a hash,
-- SMEMBERS for a set, empty otherwise. Read-only. KEYS: the keys to read.
local out = {}
for i, k in ipairs(KEYS) do
  local t = redis.call('TYPE', k)['ok']
  if t == 'hash' then
    out[i] = {t, redis.call('HGETALL', k)}
  elseif t == 'set' then
    out[i] = {t, redis.call('SMEMBERS', k)}
  else
    out[i] = {t, {}}
  end
end
return out
