-- One atomic operator transition on the Instance State Layer.
-- KEYS: 1 instance hash, 2 health hash, 3 audit stream, 4.. every known instance:state:* set (the target among them)
-- ARGV: 1 id, 2 expected state ('any' | 'missing' | 'is:<state>'), 3 target state, 4 '1' to mark a restart,
--       5 allowed " from>to " pairs, 6 operator (claimed), 7 Redis user (as the server named it), 8 host,
--       9 reason, 10 audit MAXLEN, 11 target set key
-- Reply: {outcome, state now, detail}
-- Every check that can fail runs before the first write: Redis keeps a script's earlier writes when a later
-- command fails. The audit entry is the first write, so no state changes without it.
-- Runs after server-time.lua (iso8601) and state-check.lua (refuse_transition).
if redis.replicate_commands then redis.replicate_commands() end -- Redis 6.2: TIME before writes needs effects replication

local function kind(key) return redis.call('TYPE', key)['ok'] end

local t = kind(KEYS[1])
if t == 'none' then return {'NOT_FOUND', '', 'no instance hash'} end
if t ~= 'hash' then return {'NOT_FOUND', '', KEYS[1] .. ' is a ' .. t .. ', not a hash'} end
local cur = redis.call('HGET', KEYS[1], 'state')
local to = ARGV[3]
local refused = refuse_transition('transition.lua', cur, ARGV[2], to, ARGV[5])
if refused then return refused end

-- HINCRBY's own rule: optional '-', no leading zeros, no '+', no spaces, within signed 64 bits, and +1 must
-- not overflow. Compared as strings: Lua numbers are doubles.
local function integer_rule(s)
  local neg, digits = string.match(s, '^(%-?)(%d+)$')
  if not digits then return 'not an integer' end
  if (string.sub(digits, 1, 1) == '0' and (#digits > 1 or neg == '-')) then return 'not an integer (leading zero)' end
  if #digits > 19 then return 'outside 64-bit integers' end
  if #digits == 19 then
    if neg == '-' and digits > '9223372036854775808' then return 'outside 64-bit integers' end
    if neg == '' and digits >= '9223372036854775807' then return 'too large to add 1 (64-bit overflow)' end
  end
  return nil
end

-- s + 1 for a string integer_rule accepted, in decimal digits (no doubles involved).
local function plus_one(s)
  if string.sub(s, 1, 1) == '-' then
    local d, i = string.sub(s, 2), nil
    i = #d
    while string.sub(d, i, i) == '0' do i = i - 1 end
    local r = string.sub(d, 1, i - 1) .. tostring(tonumber(string.sub(d, i, i)) - 1) .. string.rep('9', #d - i)
    r = string.gsub(r, '^0+', '')
    if r == '' then return '0' end
    return '-' .. r
  end
  local i = #s
  while i > 0 and string.sub(s, i, i) == '9' do i = i - 1 end
  if i == 0 then return '1' .. string.rep('0', #s) end
  return string.sub(s, 1, i - 1) .. tostring(tonumber(string.sub(s, i, i)) + 1) .. string.rep('0', #s - i)
end

local restart = ARGV[4] == '1'
local note = ''
local count = ''
if restart then
  local ht = kind(KEYS[2])
  if ht == 'hash' then
    local rc = redis.call('HGET', KEYS[2], 'restart_count')
    if rc then
      local why = integer_rule(rc)
      if why then return {'REFUSED', cur, 'restart_count is ' .. why .. ": '" .. rc .. "'"} end
      count = plus_one(rc)
    else
      count = '1'
    end
  elseif ht == 'none' then
    restart = false
    note = 'no health hash, restart_count not counted'
  else
    return {'REFUSED', cur, KEYS[2] .. ' is a ' .. ht .. ', not a hash'}
  end
end
local at = kind(KEYS[3])
if at ~= 'none' and at ~= 'stream' then return {'REFUSED', cur, KEYS[3] .. ' is a ' .. at .. ', not a stream'} end
for i = 4, #KEYS do
  local st = kind(KEYS[i])
  if st ~= 'none' and st ~= 'set' then return {'REFUSED', cur, KEYS[i] .. ' is a ' .. st .. ', not a set'} end
end

-- The writes, in order: the audit entry first, then the state, then the index and the count.
local function writes_at(now)
  local w = {
    {'XADD', KEYS[3], 'MAXLEN', '~', ARGV[10], '*',
      'instance_id', ARGV[1], 'from', cur, 'to', to, 'reason', ARGV[9], 'restart_count', count,
      'operator', ARGV[6], 'redis_user', ARGV[7], 'host', ARGV[8], 'time', now},
    {'HSET', KEYS[1], 'state', to, 'last_updated_at', now},
  }
  for i = 4, #KEYS do
    if KEYS[i] ~= ARGV[11] then w[#w + 1] = {'SREM', KEYS[i], ARGV[1]} end
  end
  w[#w + 1] = {'SADD', ARGV[11], ARGV[1]}
  if restart then w[#w + 1] = {'HINCRBY', KEYS[2], 'restart_count', '1'} end
  return w
end

local function named(w) return w[1] .. ' ' .. w[2] end

-- Redis 7 answers for the ACL up front, for every key and command, so a denied user changes nothing at all.
if redis.acl_check_cmd then
  if not redis.acl_check_cmd('TIME') then return {'DENIED', cur, 'the Redis user may not run TIME; nothing was written'} end
  for _, w in ipairs(writes_at('')) do
    if not redis.acl_check_cmd(unpack(w)) then
      return {'DENIED', cur, 'the Redis user may not run ' .. named(w) .. '; nothing was written'}
    end
  end
end

local writes = writes_at(iso8601(tonumber(redis.call('TIME')[1])))

-- Where the server cannot be asked (Redis 6.2) a denial stops the script part-way: say exactly what was written.
local done = {}
for k, w in ipairs(writes) do
  local r = redis.pcall(unpack(w))
  if type(r) == 'table' and r.err then
    local denied = string.find(r.err, 'NOPERM', 1, true) or string.find(r.err, "can't run this command", 1, true)
      or string.find(r.err, "can't access", 1, true)
    local because = named(w) .. ' failed (' .. (denied and 'permission denied: ' or '') .. r.err .. ')'
    if k == 1 then
      return {denied and 'DENIED' or 'SERVER_ERROR', cur, because .. '; nothing was written'}
    end
    local left = {}
    for j = k, #writes do left[#left + 1] = named(writes[j]) end
    return {'SERVER_ERROR', k > 2 and to or cur, because .. '; written: ' .. table.concat(done, ', ')
      .. '; not written: ' .. table.concat(left, ', ')}
  end
  done[#done + 1] = k == 1 and ('audit entry ' .. tostring(r)) or named(w)
end
return {'DONE', to, note}
