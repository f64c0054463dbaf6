-- One atomic operator transition on the Instance State Layer.
-- KEYS: 1 instance hash, 2 health hash, 3 audit stream, 4.. every known instance:state:* set (the target among them)
-- ARGV: 1 id, 2 expected state ('' = any), 3 target state, 4 '1' to mark a restart, 5 allowed " from>to " pairs,
--       6 now (ISO-8601 UTC), 7 operator, 8 host, 9 reason, 10 audit MAXLEN, 11 target set key
-- Reply: {outcome, state now, detail}
local function kind(key) return redis.call('TYPE', key)['ok'] end

local t = kind(KEYS[1])
if t == 'none' then return {'NOT_FOUND', '', 'no instance hash'} end
if t ~= 'hash' then return {'NOT_FOUND', '', KEYS[1] .. ' is a ' .. t .. ', not a hash'} end
local cur = redis.call('HGET', KEYS[1], 'state') or ''
if ARGV[2] ~= '' and cur ~= ARGV[2] then return {'CONFLICT', cur, 'state is now ' .. cur} end
local to = ARGV[3]
if not string.find(ARGV[5], ' ' .. cur .. '>' .. to .. ' ', 1, true) then
  return {'NOT_ALLOWED', cur, cur .. ' -> ' .. to .. ' is not an allowed transition'}
end

local restart = ARGV[4] == '1'
local note = ''
if restart then
  local ht = kind(KEYS[2])
  if ht == 'hash' then
    local rc = redis.call('HGET', KEYS[2], 'restart_count')
    if rc and not string.match(rc, '^%d+$') then
      return {'NOT_ALLOWED', cur, 'restart_count is not a whole number: ' .. rc}
    end
  else
    restart = false
    note = 'no health hash, restart_count not counted'
  end
end
for i = 4, #KEYS do
  local st = kind(KEYS[i])
  if st ~= 'none' and st ~= 'set' then return {'NOT_ALLOWED', cur, KEYS[i] .. ' is a ' .. st .. ', not a set'} end
end

-- Check every write up front where the server can (Redis 7), so a denied user changes nothing at all.
if redis.acl_check_cmd then
  local ok = redis.acl_check_cmd('HSET', KEYS[1], 'state', to)
    and redis.acl_check_cmd('SADD', ARGV[11], ARGV[1])
    and redis.acl_check_cmd('SREM', ARGV[11], ARGV[1])
    and redis.acl_check_cmd('XADD', KEYS[3], '*', 'a', 'b')
    and ((not restart) or redis.acl_check_cmd('HINCRBY', KEYS[2], 'restart_count', '1'))
  if not ok then return {'DENIED', cur, 'NOPERM the Redis user may not write these keys'} end
end

redis.call('HSET', KEYS[1], 'state', to, 'last_updated_at', ARGV[6])
for i = 4, #KEYS do
  if KEYS[i] ~= ARGV[11] then redis.call('SREM', KEYS[i], ARGV[1]) end
end
redis.call('SADD', ARGV[11], ARGV[1])
local count = ''
if restart then count = tostring(redis.call('HINCRBY', KEYS[2], 'restart_count', 1)) end
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[10], '*',
  'instance_id', ARGV[1], 'operator', ARGV[7], 'host', ARGV[8], 'from', cur, 'to', to,
  'reason', ARGV[9], 'time', ARGV[6], 'restart_count', count)
return {'DONE', to, note}
